import type * as provider from "@pulumi/pulumi/provider";
import { QrdlProvider } from "../lifecycle/provider";
import type { Warn } from "../lifecycle/reporter";
import type { ProviderInputs, QrdlOutputs } from "../lifecycle/types";
import { pluginConfig } from "./pluginConfig";
import type { ConfigureArgs } from "./sdkShims";
import { WireProperties, plainProperties, secretNames, withSecrets } from "./wireValues";

/** The resource type the plugin serves. */
export const PHONE_MESSAGE_QRDL_TOKEN = "cams:index:PhoneMessageQrdl";

/** What the plugin needs from its host: its version, its schema, and where warnings go. */
export interface CamsPluginOptions {
  version: string;
  schema: () => string;
  warn: Warn;
}

/**
 * The provider plugin's front door: translates the SDK's calling convention (the URN as an
 * argument, secrets wrapped) into the same lifecycle calls the dynamic resource makes. What was a
 * secret going in is a secret coming out.
 */
export class CamsPlugin implements provider.Provider {
  readonly version: string;
  private readonly lifecycle: QrdlProvider;
  /** Why the last configuration was refused: the SDK answers Configure itself, so each call reports it. */
  private configError?: unknown;

  constructor(private readonly options: CamsPluginOptions) {
    this.version = options.version;
    this.lifecycle = new QrdlProvider({ warn: options.warn });
  }

  /** Receives the provider's configuration (`cams:*` of the stack, or an explicit provider's arguments). */
  async configure(args: ConfigureArgs): Promise<void> {
    this.configError = undefined;
    await this.lifecycle.configure({ config: pluginConfig(args) }).catch((error: unknown) => (this.configError = error));
  }

  async getSchema(): Promise<string> {
    return this.options.schema();
  }

  async check(urn: string, olds: WireProperties, news: WireProperties): Promise<provider.CheckResult> {
    this.serving(urn);
    const result = await this.lifecycle.check(plainProperties<ProviderInputs>(olds), plainProperties<ProviderInputs>(news), urn);
    return { ...result, inputs: withSecrets(result.inputs, secretNames(news)) };
  }

  async diff(id: string, urn: string, olds: WireProperties, news: WireProperties): Promise<provider.DiffResult> {
    this.serving(urn);
    return this.lifecycle.diff(id, plainProperties<QrdlOutputs>(olds), plainProperties<ProviderInputs>(news), urn);
  }

  async create(urn: string, inputs: WireProperties): Promise<provider.CreateResult> {
    this.serving(urn);
    const result = await this.lifecycle.create(plainProperties<ProviderInputs>(inputs));
    return { ...result, outs: withSecrets(result.outs, secretNames(inputs)) };
  }

  /** Serves refresh, and `pulumi import` from the id alone (no properties then). */
  async read(id: string, urn: string, props?: WireProperties): Promise<provider.ReadResult> {
    this.serving(urn);
    const known = props && Object.keys(props).length > 0 ? plainProperties<QrdlOutputs>(props) : undefined;
    const result = await this.lifecycle.read(id, known);
    // The engine reads an empty id as "the code is gone".
    if (result.id === undefined) return { id: "", props: {} };
    const secrets = secretNames(props);
    return { id: result.id, props: withSecrets(result.props, secrets), inputs: withSecrets(result.inputs, secrets) };
  }

  async update(id: string, urn: string, olds: WireProperties, news: WireProperties): Promise<provider.UpdateResult> {
    this.serving(urn);
    const result = await this.lifecycle.update(id, plainProperties<QrdlOutputs>(olds), plainProperties<ProviderInputs>(news));
    return { ...result, outs: withSecrets(result.outs, secretNames(news)) };
  }

  async delete(id: string, urn: string, props: WireProperties): Promise<void> {
    this.serving(urn);
    await this.lifecycle.delete(id, plainProperties<QrdlOutputs>(props));
  }

  /** Refuses a type this plugin does not serve, and any call while the configuration is refused. */
  private serving(urn: string): void {
    const type = typeOf(urn);
    if (type !== PHONE_MESSAGE_QRDL_TOKEN) throw new Error(`pulumi-resource-cams serves ${PHONE_MESSAGE_QRDL_TOKEN} only, not ${type ?? urn}`);
    if (this.configError) throw this.configError;
  }
}

/** The type a URN names, e.g. `cams:index:PhoneMessageQrdl`. */
function typeOf(urn: string): string | undefined {
  return urn.split("::")[2]?.split("$").pop();
}
