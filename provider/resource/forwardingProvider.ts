import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * The provider object Pulumi serializes into every resource's state. It holds no code of its own:
 * each call loads the installed `pulumi-cams` package in the provider host, so state stays tiny,
 * holds no config or secret, and upgrading the package changes every operation, refresh and
 * destroy included, without a diff.
 */
export const forwardingProvider: dynamic.ResourceProvider = {
  // Rest arguments keep each serialized function short: the whole stub must stay under 2 KB.
  configure: (...a) => require("pulumi-cams/lifecycle").configure(...a),
  check: (...a) => require("pulumi-cams/lifecycle").check(...a),
  diff: (...a) => require("pulumi-cams/lifecycle").diff(...a),
  create: (...a) => require("pulumi-cams/lifecycle").create(...a),
  read: (...a) => require("pulumi-cams/lifecycle").read(...a),
  update: (...a) => require("pulumi-cams/lifecycle").update(...a),
  delete: (...a) => require("pulumi-cams/lifecycle").delete(...a),
};
