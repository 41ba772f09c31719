/**
 * The company's side of the tax invoice (SPEC §5, form §4): who supplies the service and where
 * merchants pay. The deposit account is the one the application form names.
 */
export interface Supplier {
  name: string;
  businessRegistrationNumber: string;
  representative?: string;
  address?: string;
}

export const DEPOSIT_ACCOUNT = {
  bank: '우리은행',
  accountNumber: '218-063851-13-001',
  holder: '(주)케이지이니시스',
} as const;
