import { CamsError } from "./camsError";

/** Socket errors that prove nothing was sent and that an immediate retry meets the same wall. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND"]);
/** Socket errors that prove nothing was sent, and that may pass. */
const TRANSIENT_UNSENT_CODES = new Set(["EAI_AGAIN", "ConnectTimeout", "EHOSTUNREACH", "ENETUNREACH"]);
/** TLS handshake failures (nothing was sent): a plain-HTTP server, or a certificate not trusted. */
const TLS_CODES = /^(EPROTO|ERR_SSL_.*|ERR_TLS_.*|CERT_.*|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT(_LOCALLY)?))$/;
/** The handshake failed because the server does not speak TLS at all. */
const NOT_TLS_CODES = new Set(["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_HTTP_REQUEST"]);

const WHAT_DECIDES = "cams:endpoint / CAMS_ENDPOINT, or when unset cams.<cams:region>.aliyuncs.com";

/**
 * A CamsError for a socket or TLS failure before the request was sent, naming the endpoint, or
 * undefined when the code is not one of those. A refused connection or an unknown host is not
 * retried: the setting is wrong, and waiting does not fix it.
 */
export function unsentCallError(operation: string, socketCode: string, endpoint = "the CAMS endpoint"): CamsError | undefined {
  if (UNREACHABLE_CODES.has(socketCode)) {
    const what = socketCode === "ENOTFOUND" ? "its host name does not resolve" : "nothing accepts connections there";
    return new CamsError({
      code: "EndpointUnreachable",
      serviceMessage: `${socketCode}: could not reach ${endpoint}: ${what}`,
      operation,
      retryable: false,
      hint: `check the endpoint (${WHAT_DECIDES}) and the network; nothing was sent`,
    });
  }
  if (TRANSIENT_UNSENT_CODES.has(socketCode)) {
    return new CamsError({ code: "NetworkError", serviceMessage: `${socketCode}: could not reach ${endpoint}`, operation, retryable: true, hint: `check the endpoint (${WHAT_DECIDES}) and the network` });
  }
  if (TLS_CODES.test(socketCode)) {
    const notTls = NOT_TLS_CODES.has(socketCode);
    return new CamsError({
      code: "TlsError",
      serviceMessage: notTls ? `${endpoint} does not speak HTTPS (${socketCode})` : `the TLS certificate of ${endpoint} is not trusted (${socketCode})`,
      operation,
      retryable: false,
      hint: notTls
        ? "set cams:protocol (or CAMS_PROTOCOL) to HTTP for a plain-HTTP server such as the emulator, or point cams:endpoint at an HTTPS endpoint"
        : "check that cams:endpoint names CAMS itself; for a TLS proxy with its own CA, give Node.js the CA with NODE_EXTRA_CA_CERTS; use cams:protocol HTTP only for the emulator",
    });
  }
  return undefined;
}
