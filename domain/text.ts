/** How request texts are read and measured by the message, template and advertising rules (SPEC §2). */

/** Blank strings count as absent: JSON clients often send "" for "none". */
export const given = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** Kakao counts characters, not UTF-16 units: an emoji is one. */
export const charLength = (text: string): number => [...text].length;

/** 1234 → "1,234", for limits in refusal messages. */
export const formatCount = (n: number) => n.toLocaleString('en-US');
