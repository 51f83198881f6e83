/** An access key the emulator accepts; with `securityToken` it behaves like an STS credential. */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** The documented demo key every emulator accepts unless told otherwise; it grants nothing anywhere else. */
export const DEMO_CREDENTIAL: EmulatorCredential = Object.freeze({
  accessKeyId: "LTAI5tCamsEmulatorDemo",
  accessKeySecret: "cams-emulator-demo-secret",
});

/** The emulator's key store, looked up by AccessKeyId. */
export class CredentialStore {
  private readonly byId: Map<string, EmulatorCredential>;

  constructor(credentials: readonly EmulatorCredential[]) {
    this.byId = new Map(credentials.map((c) => [c.accessKeyId, { ...c }]));
  }

  /** The credential with this AccessKeyId, if the emulator knows it. */
  find(accessKeyId: string): EmulatorCredential | undefined {
    return this.byId.get(accessKeyId);
  }
}
