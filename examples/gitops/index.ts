// A QR code printed on store doors, beside the OSS bucket the print shop takes the artwork from.
// Changes reach it only through pull requests: see .github/workflows/qr-codes.yml and README.md.
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { PhoneMessageQrdl } from "pulumi-cams";

const config = new pulumi.Config();

// In CI both pulumi-cams and this provider sign in with the same GitHub OIDC role, no stored keys.
// Locally the variables are unset and the usual alicloud:* config or credential files apply.
const { ALIBABA_CLOUD_ROLE_ARN: roleArn, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: oidcProviderArn, ALIBABA_CLOUD_OIDC_TOKEN_FILE: oidcTokenFile } = process.env;
const oidcRole = roleArn && oidcProviderArn && oidcTokenFile
  ? { roleArn, oidcProviderArn, oidcTokenFile, roleSessionName: process.env.ALIBABA_CLOUD_ROLE_SESSION_NAME }
  : undefined;
const alicloudProvider = new alicloud.Provider("alicloud", { region: "ap-southeast-1", assumeRoleWithOidc: oidcRole });

/** Where the print shop picks up the artwork; versioned, so every print run can be traced. */
const artwork = new alicloud.oss.Bucket("artwork", { versioning: { status: "Enabled" } }, { provider: alicloudProvider });

const storeDoor = new PhoneMessageQrdl(
  "store-42-door",
  {
    phoneNumber: config.require("phoneNumber"),
    prefilledMessage: "Hi, I'm at store 42",
    generateQrImage: "SVG",
    // Printed on doors: a change that would stop the stickers working fails the preview, so the
    // pull request cannot be merged with it. A new message is a new code.
    invalidationPolicy: "deny",
  },
  // Removing this declaration must not break the stickers either.
  { retainOnDelete: true },
);

/** What the print pipeline needs to produce the sticker. */
new alicloud.oss.BucketObject(
  "store-42-door-code",
  {
    bucket: artwork.bucket,
    key: "store-42/door/qr-code.json",
    contentType: "application/json",
    content: pulumi.jsonStringify({
      qrdlCode: storeDoor.qrdlCode,
      deepLinkUrl: storeDoor.deepLinkUrl,
      qrImageUrl: storeDoor.qrImageUrl,
      prefilledMessage: storeDoor.prefilledMessage,
    }),
  },
  { provider: alicloudProvider },
);

export const artworkBucket = artwork.bucket;
export const storeDoorDeepLink = storeDoor.deepLinkUrl;
export const storeDoorImage = storeDoor.qrImageUrl;
