/** Times in answers are ISO-8601 with the Korean offset (SPEC §7: "with offset"); null stays null. */
export { toKstIsoOrNull as iso } from '../domain/calendar-kst';
