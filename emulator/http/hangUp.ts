import type { IncomingMessage, ServerResponse } from "node:http";

// Long enough for the client to read the answer before the reset a close with unread data causes.
const GRACE_MS = 1000;

/**
 * Answers a request whose body will not be read (it is too large) and closes the connection: what the
 * client still sends is discarded for a moment so it sees the answer, then the socket is destroyed so an
 * endless body cannot keep the emulator reading.
 */
export function answerAndHangUp(req: IncomingMessage, res: ServerResponse, answer: () => void): void {
  res.setHeader("connection", "close");
  answer();
  req.resume();
  setTimeout(() => req.socket.destroy(), GRACE_MS).unref();
}
