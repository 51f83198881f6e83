#!/usr/bin/env node
// Links node_modules/pulumi-cams to this checkout, so programs run from the repo resolve the
// package by name exactly as a user's project does (the serialized provider requires it by name).
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
if (!fs.existsSync(path.join(root, ".git"))) {
  process.exit(0); // not a git checkout (scripts/test-node22.sh links its copy itself)
}
const link = path.join(root, "node_modules", "pulumi-cams");
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === "..") process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  fs.rmSync(link, { recursive: true, force: true });
}
fs.symlinkSync("..", link, "dir");
