/** One message QR code a benchmark or soak program declares. */
export interface CodeDeclaration {
  /** The Pulumi resource name. */
  name: string;
  phoneNumber: string;
  prefilledMessage: string;
}

/** The phone numbers codes are spread over, round robin. */
export const BENCH_PHONES = ["8615800000001", "8615800000002"];

/** `count` codes over `phones`, each with its own message; `revision` changes every message. */
export function declareCodes(count: number, revision = 1, phones = BENCH_PHONES): CodeDeclaration[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `qr-${i}`,
    phoneNumber: phones[i % phones.length],
    prefilledMessage: `Hi, I'm at store ${i} (rev ${revision})`,
  }));
}
