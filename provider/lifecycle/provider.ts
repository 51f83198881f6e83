import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CamsClient, CallObserver } from "../client/camsClient";
import { CredentialChain } from "../client/credentials";
import type { QrdlRecord, QrdlTarget } from "../client/operations";
import { DEFAULT_RETRY_POLICY, RetryPolicy, sleep } from "../client/retry";
import { ConfigSource, resolveSettings } from "../client/settings";
import { CodeVanishedError, PendingUpdateError } from "../errors/lifecycleErrors";
import { ChangeDeps, UnsettledChange, adoptCode, createCode, deleteCode, sameContent, updateCode } from "./changes";
import { ClaimRegistry } from "./claims";
import { QrdlDirectory } from "./directory";
import { graceMs } from "./grace";
import { formatId, parseId } from "./id";
import { Inspection } from "./inspection";
import { stateWithDefaults } from "./invalidation";
import { targetOf, toOutputs, userInputs } from "./outputs";
import { PendingUpdate, pendingOutputs, settlePending } from "./pending";
import { successorWhenSettled } from "./successor";
import { Warn, engineWarn } from "./reporter";
import { ProviderInputs, QrdlOutputs } from "./types";

/** Knobs for tests and embedders; the Pulumi host uses the defaults. */
export interface ProviderOptions {
  /** Stack config to use until `configure` supplies the real one. */
  config?: ConfigSource;
  env?: NodeJS.ProcessEnv;
  warn?: Warn;
  retry?: RetryPolicy;
  observe?: CallObserver;
  /** How long a change whose answer was lost is looked for before it is sent again (default: `cams:reconcileGraceMs`). */
  graceMs?: number;
  /** Wraps the CAMS client the lifecycle calls: lets tests lose answers at chosen calls. */
  wrapClient?: (client: CamsClient) => CamsClient;
  /** Where the machine's provider processes record which codes they hold (default: under the OS's temp dir). */
  claimsDir?: string;
}

const NO_CONFIG: ConfigSource = { get: () => undefined };

/**
 * The PhoneMessageQrdl lifecycle, run inside the Pulumi provider host. Clients are built on the
 * first call from the stack config and environment of that moment, never at load time.
 */
export class QrdlProvider implements dynamic.ResourceProvider<ProviderInputs, QrdlOutputs> {
  private config: ConfigSource;
  private deps?: ChangeDeps & { client: CamsClient };
  /** Codes the resources of the state hold, as diffs and reads show them: never to be adopted by another. */
  private readonly held = new Set<string>();
  private readonly inspection = new Inspection();

  constructor(private readonly options: ProviderOptions = {}) {
    this.config = options.config ?? NO_CONFIG;
  }

  /** Receives the stack config (keys with namespace, e.g. `alicloud:region`). */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    // A bad cams:endpoint or cams:region fails the preview, not the first call of `up`.
    resolveSettings(req.config, this.options.env ?? process.env);
    this.config = req.config;
    this.deps = undefined;
  }

  /** Validates `news`; `urn` names the resource (the front door passes it: the plugin's argument, or the dynamic resource's hidden input). */
  async check(olds: ProviderInputs, news: ProviderInputs, urn?: string): Promise<dynamic.CheckResult<ProviderInputs>> {
    return this.inspection.check(olds, news, urn);
  }


  /** Diffs state against new inputs; warns about, or refuses, only a planned change of the resource `urn`. */
  async diff(_id: string, olds: QrdlOutputs, news: ProviderInputs, urn?: string): Promise<dynamic.DiffResult> {
    if (olds.qrdlCode) this.held.add(olds.qrdlCode);
    const result = await this.inspection.diff(olds, news, this.options.warn ?? engineWarn, urn);
    // An update whose answer was lost is settled by the next update, even when the content agrees.
    return olds.pendingUpdate ? { ...result, changes: true } : result;
  }


  async create(inputs: ProviderInputs): Promise<dynamic.CreateResult<QrdlOutputs>> {
    const target = targetOf(inputs);
    const record = inputs.adoptQrdlCode
      ? await adoptCode(this.ready(), target, inputs.adoptQrdlCode, inputs)
      : await createCode(this.ready(), target, inputs);
    return { id: formatId({ ...target, qrdlCode: record.qrdlCode }), outs: toOutputs(inputs, record) };
  }

  async read(id: string, props?: QrdlOutputs): Promise<dynamic.ReadResult<QrdlOutputs>> {
    const fromId = parseId(id);
    const target = props?.phoneNumber ? targetOf(props) : targetOf(fromId);
    const live = props?.pendingUpdate
      ? await settlePending(this.ready(), target, { ...props, pendingUpdate: props.pendingUpdate })
      : await this.readCode(target, props?.qrdlCode ?? fromId.qrdlCode);
    if (!live) return {};
    this.held.add(live.qrdlCode);
    const inputs = userInputs({
      ...target,
      prefilledMessage: live.prefilledMessage,
      generateQrImage: live.generateQrImage,
      invalidationPolicy: props?.invalidationPolicy ?? "update",
    });
    return { id, props: toOutputs(inputs, live), inputs: inputs as QrdlOutputs };
  }

  async update(id: string, olds: QrdlOutputs, news: ProviderInputs): Promise<dynamic.UpdateResult<QrdlOutputs>> {
    const target = targetOf(olds);
    const current = olds.pendingUpdate ? await this.settled(target, olds) : stateWithDefaults(olds);
    try {
      // Only the policy changed: nothing to tell CAMS, and the printed code keeps working.
      const record = sameContent(current, news) ? current : await updateCode(this.ready(), target, current.qrdlCode, news);
      return { outs: toOutputs(news, record) };
    } catch (error) {
      if (!(error instanceof UnsettledChange)) throw error;
      const outs = pendingOutputs(current, news, error.before);
      const cause = error.cause as { code?: string; message: string };
      // The dynamic provider host records these outputs as they are: they must carry its serialized provider.
      const { __provider } = news as unknown as Record<string, unknown>;
      throw new PendingUpdateError(id, { ...outs, ...(__provider === undefined ? {} : { __provider }) }, current.qrdlCode, cause);
    }
  }

  async delete(id: string, props: QrdlOutputs): Promise<void> {
    const target = props?.phoneNumber ? targetOf(props) : targetOf(parseId(id));
    await deleteCode(this.ready(), target, props?.qrdlCode ?? parseId(id).qrdlCode);
  }

  /** A code as CAMS holds it; when it is gone, the code an update of it was given, if this machine saw one. */
  private async readCode(target: QrdlTarget, qrdlCode: string): Promise<QrdlRecord | undefined> {
    const listed = await this.ready().directory.list(target);
    if (listed.has(qrdlCode)) return listed.get(qrdlCode);
    return successorWhenSettled(this.ready(), target, qrdlCode);
  }

  /** The outputs of a resource whose pending update is settled; a code gone meanwhile says to refresh. */
  private async settled(target: QrdlTarget, olds: QrdlOutputs & { pendingUpdate?: PendingUpdate }): Promise<QrdlOutputs> {
    const live = await settlePending(this.ready(), target, { ...olds, pendingUpdate: olds.pendingUpdate! });
    if (!live) throw new CodeVanishedError(target, olds.pendingUpdate!.fromCode);
    const { pendingUpdate: _settled, ...rest } = olds;
    return toOutputs(rest, live);
  }

  private ready(): ChangeDeps & { client: CamsClient } {
    if (!this.deps) {
      const env = this.options.env ?? process.env;
      const settings = resolveSettings(this.config, env);
      const sdkClient = new CamsClient(settings, new CredentialChain(this.config, env), this.options.retry ?? DEFAULT_RETRY_POLICY, this.options.observe);
      const client = this.options.wrapClient?.(sdkClient) ?? sdkClient;
      this.deps = {
        client,
        directory: new QrdlDirectory(client),
        claims: new ClaimRegistry(settings.endpoint, this.held, this.options.claimsDir),
        graceMs: this.options.graceMs ?? graceMs(this.config, env),
        sleep,
      };
    }
    return this.deps;
  }
}
