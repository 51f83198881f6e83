// A print campaign: one WhatsApp QR code per row of codes.csv, each image saved ready for print.
//   pulumi config set campaign:codesFile codes.csv    # optional, the default
//   pulumi config set campaign:outDir print           # optional, where the images go
//   pulumi up && pulumi stack output table
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { declareCampaign } from "./campaign";
import { campaignRows } from "./rows";

// A program that exports a function: Pulumi runs it and takes what it returns as the stack outputs.
export = async () => {
  const config = new pulumi.Config("campaign");
  const codesFile = path.resolve(config.get("codesFile") ?? path.join(__dirname, "codes.csv"));
  const campaign = declareCampaign(campaignRows(fs.readFileSync(codesFile, "utf8"), codesFile), path.resolve(config.get("outDir") ?? "print"));
  return { codes: campaign.codes, table: campaign.table };
};
