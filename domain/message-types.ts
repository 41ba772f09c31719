/**
 * Message types and the channels they travel on (SPEC §2, §8). A leaf module with no imports, so
 * workflows can use it (domain/message.ts re-exports it).
 */
export const MESSAGE_TYPES = ['sms', 'lms', 'alimtalk', 'friendtalk', 'friendtalk_image'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/**
 * What a request may ask for: a message type, or `text` — SMS when it fits the SMS limit and has no
 * subject, else LMS (SPEC §2); the message's type is then `sms` or `lms`.
 */
export const REQUESTED_TYPES = [...MESSAGE_TYPES, 'text'] as const;
export type RequestedType = (typeof REQUESTED_TYPES)[number];

export const KAKAO_TYPES = ['alimtalk', 'friendtalk', 'friendtalk_image'] as const;
export type KakaoType = (typeof KAKAO_TYPES)[number];

/** The channel a message is tried on or was delivered by: its own type, or SMS/LMS as fallback. */
export type Channel = MessageType;
export const FALLBACK_CHANNELS = ['sms', 'lms'] as const;
export type FallbackChannel = (typeof FALLBACK_CHANNELS)[number];

/** The one test of "is this a Kakao channel" (AlimTalk, FriendTalk); the others are SMS and LMS. */
export const isKakaoType = (type: MessageType): type is KakaoType => type !== 'sms' && type !== 'lms';
