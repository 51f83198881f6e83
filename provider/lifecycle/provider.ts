import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CamsClient, CallObserver } from "../client/camsClient";
import { CredentialChain } from "../client/credentials";
import { DEFAULT_RETRY_POLICY, RetryPolicy } from "../client/retry";
import { ConfigSource, resolveSettings } from "../client/settings";
import { ChangeDeps, adoptCode, createCode, deleteCode, sameContent, updateCode } from "./changes";
import { QrdlDirectory } from "./directory";
import { formatId, parseId } from "./id";
import { Inspection } from "./inspection";
import { stateWithDefaults } from "./invalidation";
import { targetOf, toOutputs, userInputs } from "./outputs";
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
}

const NO_CONFIG: ConfigSource = { get: () => undefined };

/**
 * The PhoneMessageQrdl lifecycle, run inside the Pulumi provider host. Clients are built on the
 * first call from the stack config and environment of that moment, never at load time.
 */
export class QrdlProvider implements dynamic.ResourceProvider<ProviderInputs, QrdlOutputs> {
  private config: ConfigSource;
  private deps?: ChangeDeps & { client: CamsClient };
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
    return this.inspection.diff(olds, news, this.options.warn ?? engineWarn, urn);
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
    const live = (await this.ready().directory.list(target)).get(props?.qrdlCode ?? fromId.qrdlCode);
    if (!live) return {};
    const inputs = userInputs({
      ...target,
      prefilledMessage: live.prefilledMessage,
      generateQrImage: live.generateQrImage,
      invalidationPolicy: props?.invalidationPolicy ?? "update",
    });
    return { id, props: toOutputs(inputs, live), inputs: inputs as QrdlOutputs };
  }

  async update(_id: string, olds: QrdlOutputs, news: ProviderInputs): Promise<dynamic.UpdateResult<QrdlOutputs>> {
    const target = targetOf(olds);
    // Only the policy changed: nothing to tell CAMS, and the printed code keeps working.
    const current = stateWithDefaults(olds);
    const record = sameContent(current, news) ? current : await updateCode(this.ready(), target, olds.qrdlCode, news);
    return { outs: toOutputs(news, record) };
  }

  async delete(id: string, props: QrdlOutputs): Promise<void> {
    const target = props?.phoneNumber ? targetOf(props) : targetOf(parseId(id));
    await deleteCode(this.ready(), target, props?.qrdlCode ?? parseId(id).qrdlCode);
  }

  private ready(): ChangeDeps & { client: CamsClient } {
    if (!this.deps) {
      const env = this.options.env ?? process.env;
      const client = new CamsClient(
        resolveSettings(this.config, env),
        new CredentialChain(this.config, env),
        this.options.retry ?? DEFAULT_RETRY_POLICY,
        this.options.observe,
      );
      this.deps = { client, directory: new QrdlDirectory(client) };
    }
    return this.deps;
  }
}
