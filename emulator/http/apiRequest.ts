import type { IncomingMessage } from "node:http";
import { ApiError, ErrorCodes, invalidParameter } from "../errors";
import { parseForm, type Params } from "./form";

/** An RPC request as received: what the signature schemes and the operations read. */
export interface ApiRequest {
  method: string;
  /** The path exactly as sent, without the query. */
  path: string;
  query: Params;
  form: Params;
  /** Lower-case header names with every value received. */
  headers: Record<string, string[]>;
  body: Buffer;
}

const FORM_TYPE = "application/x-www-form-urlencoded";
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Builds the request from the wire; a body that is not UTF-8 form data is refused before anything else looks at it. */
export function toApiRequest(req: IncomingMessage, body: Buffer): ApiRequest {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return {
    method: req.method ?? "",
    path: q < 0 ? url : url.slice(0, q),
    query: parseQuery(q < 0 ? "" : url.slice(q + 1)),
    form: parseBody(req.headers["content-type"], body),
    headers: distinctHeaders(req),
    body,
  };
}

/** The first value of a header, if sent. */
export function header(req: ApiRequest, name: string): string | undefined {
  return req.headers[name]?.[0];
}

/** Query and form parameters together; the form wins, as in the SDK's signing. */
export function allParams(req: ApiRequest): Params {
  return new Map([...req.query, ...req.form]);
}

// Node hands raw URL bytes over as Latin-1, so only percent-encoded ASCII can be decoded faithfully.
function parseQuery(text: string): Params {
  if (/[^\x21-\x7e]/.test(text)) throw invalidParameter("query string", "it must be percent-encoded ASCII");
  return parseForm(text, "query string");
}

function parseBody(contentType: string | undefined, body: Buffer): Params {
  if (body.length === 0) return new Map();
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== FORM_TYPE) {
    throw new ApiError(
      ErrorCodes.UnsupportedMediaType,
      415,
      `The request body must be ${FORM_TYPE}; got "${contentType ?? "no content type"}".`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw invalidParameter("request body", "it is not valid UTF-8");
  }
  return parseForm(text, "request body");
}

function distinctHeaders(req: IncomingMessage): Record<string, string[]> {
  const headers: Record<string, string[]> = Object.create(null);
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) headers[name] = values;
  }
  return headers;
}
