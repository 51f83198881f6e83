import type * as dynamic from "@pulumi/pulumi/dynamic";
import { QrdlProvider } from "./provider";

export { QrdlProvider, ProviderOptions } from "./provider";
export { ProviderInputs, QrdlOutputs } from "./types";
export { formatId, parseId, QrdlId } from "./id";

/** The one lifecycle of the provider host process, shared by every PhoneMessageQrdl it serves. */
export const provider = new QrdlProvider();

// The serialized stub of every resource calls these by name (see resource/forwardingProvider.ts);
// the dynamic resource can pass its URN only as the hidden input `__urn`, so it is unpacked here.
/** Forwards to `provider.configure`. */
export const configure: QrdlProvider["configure"] = (req: dynamic.ConfigureRequest) => provider.configure(req);
/** Forwards to `provider.check`. */
export const check: QrdlProvider["check"] = (olds, news) => provider.check(olds, news, news.__urn);
/** Forwards to `provider.diff`. */
export const diff: QrdlProvider["diff"] = (id, olds, news) => provider.diff(id, olds, news, news.__urn);
/** Forwards to `provider.create`. */
export const create: QrdlProvider["create"] = (inputs) => provider.create(inputs);
/** Forwards to `provider.read`. */
export const read: QrdlProvider["read"] = (id, props) => provider.read(id, props);
/** Forwards to `provider.update`. */
export const update: QrdlProvider["update"] = (id, olds, news) => provider.update(id, olds, news);
/** Forwards to `provider.delete`. */
const deleteQrdl: QrdlProvider["delete"] = (id, props) => provider.delete(id, props);
export { deleteQrdl as delete };
