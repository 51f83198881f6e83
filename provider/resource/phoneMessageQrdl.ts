import * as pulumi from "@pulumi/pulumi";
import type { QrImageFormat } from "../client/operations";
import { parseId } from "../lifecycle/id";
import type { InvalidationPolicy } from "../schemas/inputs";
import { forwardingProvider } from "./forwardingProvider";

/** The resource's type token: `pulumi-nodejs:dynamic/cams:PhoneMessageQrdl`. */
export const PHONE_MESSAGE_QRDL_TYPE = "pulumi-nodejs:dynamic/cams:PhoneMessageQrdl";

/** What a user declares for one WhatsApp message QR code. */
export interface PhoneMessageQrdlArgs {
  /** The WhatsApp business number, country code first; `+`, spaces and dashes are ignored. Changing it replaces the code. */
  phoneNumber: pulumi.Input<string>;
  /** The text WhatsApp pre-fills when the code is scanned: 1 to 140 characters. */
  prefilledMessage: pulumi.Input<string>;
  /** The QR image format CAMS renders: `"PNG"` (default) or `"SVG"`. */
  generateQrImage?: pulumi.Input<QrImageFormat>;
  /** The ISV sub-customer's SpaceId or the direct customer's instance id. Changing it replaces the code. */
  custSpaceId?: pulumi.Input<string>;
  /**
   * What a change of `prefilledMessage` or `generateQrImage` does, since it stops printed copies from working:
   * `"update"` (default) updates in place with a warning in the preview, `"replace"` creates a new code,
   * `"deny"` fails the preview.
   */
  invalidationPolicy?: pulumi.Input<InvalidationPolicy>;
  /**
   * Take over this existing code when the resource is first created, instead of making a new one;
   * its live content must match the declaration. The `import` resource option sets it from the id.
   */
  adoptQrdlCode?: pulumi.Input<string>;
}

/** A WhatsApp message QR code (CAMS `PhoneMessageQrdl`): a deep link and QR image that open a chat with a pre-filled message. */
export class PhoneMessageQrdl extends pulumi.dynamic.Resource {
  /** The business number, digits only. */
  declare readonly phoneNumber: pulumi.Output<string>;
  /** The message pre-filled when the code is scanned, as CAMS holds it. */
  declare readonly prefilledMessage: pulumi.Output<string>;
  /** `"PNG"` or `"SVG"`. */
  declare readonly generateQrImage: pulumi.Output<QrImageFormat>;
  /** The space the code lives in, when set. */
  declare readonly custSpaceId: pulumi.Output<string | undefined>;
  /** The policy applied to changes that invalidate printed copies. */
  declare readonly invalidationPolicy: pulumi.Output<InvalidationPolicy>;
  /** The code CAMS issued; it changes when an update makes CAMS issue a new one. */
  declare readonly qrdlCode: pulumi.Output<string>;
  /** `https://wa.me/message/<code>`: the link the QR image encodes. */
  declare readonly deepLinkUrl: pulumi.Output<string>;
  /** Where CAMS serves the QR image. */
  declare readonly qrImageUrl: pulumi.Output<string>;

  constructor(name: string, args: PhoneMessageQrdlArgs, opts?: pulumi.CustomResourceOptions) {
    // The Node.js dynamic provider host cannot serve Pulumi's import (the engine sends it no
    // serialized provider), so `import: "<phone>/<code>"` adopts the code on create instead.
    const { import: importId, ...options } = opts ?? {};
    const adopted = importId === undefined ? undefined : parseId(importId).qrdlCode;
    super(
      forwardingProvider,
      name,
      {
        ...args,
        adoptQrdlCode: args.adoptQrdlCode ?? adopted,
        // Lets the provider host name this resource in the warnings a reviewer reads.
        __urn: pulumi.createUrn(name, PHONE_MESSAGE_QRDL_TYPE, opts?.parent),
        // Lets check mark what CAMS will issue anew as unknown in a preview, which calls no update.
        __preview: pulumi.runtime.isDryRun() || undefined,
        qrdlCode: undefined,
        deepLinkUrl: undefined,
        qrImageUrl: undefined,
      },
      importId === undefined ? opts : options,
      "cams",
      "PhoneMessageQrdl",
    );
  }
}
