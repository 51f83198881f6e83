import type { QrdlTarget } from "../client/operations";

/** The parts of a PhoneMessageQrdl id: where the code lives and the code it was created with. */
export interface QrdlId extends QrdlTarget {
  qrdlCode: string;
}

/** `<phoneNumber>/<qrdlCode>`, or `<custSpaceId>/<phoneNumber>/<qrdlCode>` inside a space. */
export function formatId(id: QrdlId): string {
  return [id.custSpaceId, id.phoneNumber, id.qrdlCode].filter(Boolean).join("/");
}

/** Parses an id written by formatId or by a user adopting an existing code. */
export function parseId(id: string): QrdlId {
  const parts = id.split("/");
  const [custSpaceId, phoneNumber, qrdlCode] = parts.length === 2 ? [undefined, ...parts] : parts;
  if (parts.length < 2 || parts.length > 3 || !phoneNumber || !qrdlCode || !/^\d{6,20}$/.test(phoneNumber) || custSpaceId === "") {
    throw new Error(
      `"${id}" is not a PhoneMessageQrdl id: write "<phoneNumber>/<qrdlCode>" (e.g. "8615800000000/4X5ZJ3W2KQ7UA1"), ` +
        `or "<custSpaceId>/<phoneNumber>/<qrdlCode>" for a code inside an ISV space; the phone number is digits only`,
    );
  }
  return { phoneNumber, qrdlCode, ...(custSpaceId ? { custSpaceId } : {}) };
}
