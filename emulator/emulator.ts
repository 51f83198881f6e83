import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { EmulatorControl } from "./admin";
import type { GatewayDeps } from "./api/gateway";
import { DEFAULT_BEHAVIOUR, mergeBehaviour, type BehaviourPatch, type EmulatorBehaviour } from "./behaviour";
import { CallLog } from "./callLog";
import { CredentialStore, DEMO_CREDENTIAL, type EmulatorCredential } from "./credentials";
import { FaultDice } from "./faults";
import { SlidingWindowLimiter } from "./limits";
import { patchedCode, UnknownCodeError, type CodePatch } from "./outOfBand";
import { toQrdlRecord, type CallRecord, type QrdlRecord, type StoredQrdl } from "./records";
import { reachableHost } from "./http/address";
import { SiteGuard } from "./http/siteGuard";
import { answerClientError, createRequestListener } from "./server";
import { StateFile } from "./state/stateFile";
import { QrdlStore } from "./state/store";

/** How to start an emulator. */
export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default "127.0.0.1": the admin API is unauthenticated, so keep it off other interfaces unless meant. */
  host?: string;
  /** JSON state file shared by emulator runs; absent keeps the codes in memory only. */
  stateFile?: string;
  /** Accepted keys; default [DEMO_CREDENTIAL]. */
  credentials?: EmulatorCredential[];
  behaviour?: BehaviourPatch;
  /** Base of QrImageUrl; default the emulator's own http://<host>:<port>. */
  publicBaseUrl?: string;
  /** ms epoch used for timestamp, nonce and flow-control checks and record times; default Date.now. */
  clock?: () => number;
  /** Host names clients may use besides IP addresses, localhost, `host` and publicBaseUrl's (e.g. a CI service's name). */
  allowedHosts?: string[];
  /** When set, the admin API requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
}

/** A local CAMS endpoint serving the four message QR code operations, signed exactly as the real API requires. */
export class CamsEmulator implements EmulatorControl {
  /** "127.0.0.1:<port>", what @alicloud/openapi-client's Config.endpoint takes (with protocol "HTTP"). */
  readonly endpoint: string;
  /** "http://127.0.0.1:<port>". */
  readonly url: string;
  private current: EmulatorBehaviour;
  private readonly dice = new FaultDice();

  private constructor(
    private readonly server: Server,
    readonly host: string,
    readonly port: number,
    private readonly store: QrdlStore,
    private readonly callLog: CallLog,
    private readonly publicBaseUrl: string,
    private readonly clock: () => number,
    behaviour: EmulatorBehaviour,
  ) {
    const urlHost = reachableHost(host);
    this.endpoint = `${urlHost}:${port}`;
    this.url = `http://${this.endpoint}`;
    this.current = behaviour;
    this.dice.reseed(behaviour.faults.seed);
  }

  /** Starts listening; rejects if the port is taken or the state file is not a valid state. */
  static async start(options: EmulatorOptions = {}): Promise<CamsEmulator> {
    const host = options.host ?? "127.0.0.1";
    const clock = options.clock ?? Date.now;
    const behaviour = mergeBehaviour(DEFAULT_BEHAVIOUR, options.behaviour ?? {});
    const store = new QrdlStore(options.stateFile === undefined ? undefined : new StateFile(resolve(options.stateFile)), clock);
    // Bounded timeouts so a stalled or trickling client cannot hold a request open for long.
    const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, connectionsCheckingInterval: 2_000 });
    server.on("clientError", answerClientError);
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolveListen();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const baseUrl = (options.publicBaseUrl ?? `http://${reachableHost(host)}:${port}`).replace(/\/+$/, "");
    const emulator = new CamsEmulator(server, host, port, store, new CallLog(), baseUrl, clock, behaviour);
    const site = new SiteGuard([host, new URL(baseUrl).hostname.replace(/^\[|\]$/g, ""), ...(options.allowedHosts ?? [])]);
    const { callLog } = emulator;
    server.on("request", createRequestListener({ gateway: emulator.gatewayDeps(options), control: emulator, callLog, site, adminToken: options.adminToken }));
    return emulator;
  }

  /** Stops listening and closes every open connection. */
  close(): Promise<void> {
    return new Promise((resolveClose) => {
      this.server.close(() => resolveClose());
      this.server.closeAllConnections();
    });
  }

  /** Changes the behaviour; `faults` merges field by field. Throws InvalidBehaviourError on a bad value. */
  configure(patch: BehaviourPatch): void {
    this.current = mergeBehaviour(this.current, patch);
    // Setting a seed, even the same one, replays its sequence from the start.
    if (patch.faults && "seed" in patch.faults) this.dice.reseed(this.current.faults.seed);
  }

  /** A copy of the current behaviour. */
  behaviour(): EmulatorBehaviour {
    return structuredClone(this.current);
  }

  /** Copies of the current codes, oldest first. */
  codes(): QrdlRecord[] {
    this.store.refresh();
    return this.store.all().map((c) => this.toRecord(c));
  }

  /** Copies of the API calls received, in order, rejected ones included. */
  calls(): CallRecord[] {
    return this.callLog.list();
  }

  /** Forgets the recorded calls. */
  resetCalls(): void {
    this.callLog.clear();
  }

  /** Edits a code behind the API's back, keeping its QrdlCode; throws UnknownCodeError or InvalidCodePatchError. */
  editCode(phoneNumber: string, qrdlCode: string, patch: CodePatch): QrdlRecord {
    return this.store.transaction(() => {
      const edited = patchedCode(this.ownedCode(phoneNumber, qrdlCode), patch, new Date(this.clock()).toISOString());
      this.store.commit({ put: [edited] });
      return this.toRecord(edited);
    });
  }

  /** Deletes a code behind the API's back; false when the phone number has no such code. */
  deleteCode(phoneNumber: string, qrdlCode: string): boolean {
    try {
      this.store.transaction(() => this.store.commit({ remove: [this.ownedCode(phoneNumber, qrdlCode).qrdlCode] }));
      return true;
    } catch (error) {
      if (error instanceof UnknownCodeError) return false;
      throw error;
    }
  }

  /** Forgets every code (in the state file too). */
  reset(): void {
    this.store.clear();
  }

  private ownedCode(phoneNumber: string, qrdlCode: string): StoredQrdl {
    this.store.refresh();
    const found = this.store.byCode(qrdlCode);
    if (!found || found.phoneNumber !== phoneNumber) throw new UnknownCodeError(phoneNumber, qrdlCode);
    return found;
  }

  private toRecord(stored: StoredQrdl): QrdlRecord {
    return toQrdlRecord(stored, this.publicBaseUrl);
  }

  private gatewayDeps(options: EmulatorOptions): GatewayDeps {
    return {
      store: this.store,
      behaviour: () => this.current,
      credentials: new CredentialStore(options.credentials ?? [DEMO_CREDENTIAL]),
      limiter: new SlidingWindowLimiter(),
      dice: this.dice,
      clock: this.clock,
      publicBaseUrl: this.publicBaseUrl,
      hostId: this.endpoint,
    };
  }
}
