import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { ADMIN_PREFIX, handleAdmin, type EmulatorControl } from "./admin";
import { handleApiCall, type GatewayDeps } from "./api/gateway";
import { safeEqual } from "./auth/safeEqual";
import { errorResponse } from "./api/responses";
import type { CallLog } from "./callLog";
import { ApiError, ErrorCodes } from "./errors";
import { toApiRequest, type ApiRequest } from "./http/apiRequest";
import { readBody } from "./http/body";
import type { SiteGuard } from "./http/siteGuard";
import { answerAndHangUp } from "./http/hangUp";
import { sendJson } from "./http/respond";
import { newRequestId } from "./ids";
import { QrEncoderMissingError, renderQrImage } from "./qrImage";
import { deepLinkUrl } from "./records";

/** What the HTTP layer routes to. */
export interface ServerDeps {
  gateway: GatewayDeps;
  control: EmulatorControl;
  callLog: CallLog;
  site: SiteGuard;
  adminToken?: string;
}

const QR_PATH = /^\/qr\/([A-Za-z0-9]{1,64})\.(png|svg)$/;

/** Routes requests: `/` is the RPC API, `/qr/<code>.<ext>` the images, `/_emulator/` the admin API; the rest is 404. */
export function createRequestListener(deps: ServerDeps): RequestListener {
  return (req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const requestId = newRequestId();
      const body = { RequestId: requestId, Code: ErrorCodes.InternalError, Message: `The emulator failed: ${message}` };
      sendJson(res, 500, body, { "x-acs-request-id": requestId });
    });
  };
}

/**
 * Answers what the HTTP parser refused (garbage, oversized headers, a request that took too long) with a
 * JSON error instead of Node's bare text, when nothing was written on the connection yet (as Node does).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code !== "ECONNRESET" && socket.writable && socket.bytesWritten === 0) {
    const [status, code] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, ErrorCodes.RequestHeaderFieldsTooLarge]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, ErrorCodes.RequestTimeout]
          : [400, ErrorCodes.BadRequest];
    const body = JSON.stringify({ Code: code, Message: `The request could not be read: ${STATUS_CODES[status]}.` });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json;charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Every route reads at most 1 MiB of body and refuses cross-site requests before doing anything. */
async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const path = (req.url ?? "").split("?")[0];
  const api = path === "/";
  const read = await readBody(req);
  if (read.kind === "aborted") return;
  if (read.kind === "tooLarge") {
    const tooLarge = new ApiError(ErrorCodes.RequestBodyTooLarge, 413, "The request body is over 1 MiB.");
    return answerAndHangUp(req, res, () => (api ? answerRefusal(req, res, deps, tooLarge) : sendError(res, tooLarge)));
  }
  const refusal = deps.site.refusal(req);
  if (refusal) return api ? answerProtocolError(req, res, deps, refusal) : sendError(res, refusal);
  if (path.startsWith(ADMIN_PREFIX)) {
    if (!adminAllowed(req, deps.adminToken)) {
      return sendError(res, new ApiError(ErrorCodes.Unauthorized, 401, "The admin API needs Authorization: Bearer <the emulator's admin token>."));
    }
    return handleAdmin(req, res, read.body, deps.control);
  }
  if (path.startsWith("/qr/")) return serveQrImage(req, res, path, deps);
  if (api) return serveApi(req, res, read.body, deps);
  sendJson(res, 404, { Code: ErrorCodes.NotFound, Message: `Nothing is served at ${path}; the CAMS API is at /.` });
}

async function serveApi(req: IncomingMessage, res: ServerResponse, body: Buffer, deps: ServerDeps): Promise<void> {
  if (req.method !== "POST" && req.method !== "GET") {
    return answerProtocolError(req, res, deps, new ApiError(ErrorCodes.MethodNotAllowed, 405, `The CAMS RPC API takes POST or GET, not ${req.method}.`));
  }
  let apiRequest: ApiRequest;
  try {
    apiRequest = toApiRequest(req, body);
  } catch (error) {
    if (error instanceof ApiError) return answerProtocolError(req, res, deps, error);
    throw error;
  }
  const outcome = handleApiCall(apiRequest, deps.gateway);
  deps.callLog.add(outcome.call);
  await injectLatency(deps);
  if (outcome.drop) {
    req.socket.destroy();
    return;
  }
  sendJson(res, outcome.httpStatus, outcome.body, { "x-acs-request-id": outcome.call.requestId });
}

function adminAllowed(req: IncomingMessage, token: string | undefined): boolean {
  return token === undefined || safeEqual(req.headers.authorization ?? "", `Bearer ${token}`);
}

function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.httpStatus, { Code: error.code, Message: error.message });
}

async function answerProtocolError(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, error: ApiError): Promise<void> {
  await injectLatency(deps);
  answerRefusal(req, res, deps, error);
}

// A request refused before it could be read as an API call is still an API call for the log.
function answerRefusal(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, error: ApiError): void {
  const requestId = newRequestId();
  const { httpStatus, body } = errorResponse(error, requestId, deps.gateway.hostId, false);
  const action = req.headersDistinct["x-acs-action"]?.[0] ?? "";
  deps.callLog.add({ at: deps.gateway.clock(), action, authenticated: false, httpStatus, code: error.code, requestId, params: {} });
  sendJson(res, httpStatus, body, { "x-acs-request-id": requestId });
}

function injectLatency(deps: ServerDeps): Promise<void> {
  const ms = deps.gateway.dice.latencyMs(deps.gateway.behaviour().faults);
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}

async function serveQrImage(req: IncomingMessage, res: ServerResponse, path: string, deps: ServerDeps): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendJson(res, 405, { Code: ErrorCodes.MethodNotAllowed, Message: "QR images are served to GET." });
  }
  const match = QR_PATH.exec(path);
  deps.gateway.store.refresh();
  const code = match ? deps.gateway.store.byCode(match[1]) : undefined;
  if (!match || !code || code.generateQrImage.toLowerCase() !== match[2]) {
    return sendJson(res, 404, { Code: ErrorCodes.NotFound, Message: "No message QR code image at this address." });
  }
  const image = await renderQrImage(deepLinkUrl(code.qrdlCode), code.generateQrImage);
  if (image instanceof QrEncoderMissingError) return sendJson(res, 501, { Code: image.code, Message: image.message });
  res.writeHead(200, { "content-type": image.contentType, "content-length": image.body.length, "cache-control": "no-store" });
  res.end(image.body);
}
