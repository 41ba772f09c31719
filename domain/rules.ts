export interface RuleViolation {
  code: string;
  message: string;
  field?: string;
  [k: string]: unknown;
}
