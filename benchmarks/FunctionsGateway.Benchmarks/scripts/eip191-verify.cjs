// EIP-191 verifications per second with ethers 6 (ethers.verifyMessage), one thread.
// node eip191-verify.cjs ETHEREUM_PEERS_DIR SECONDS < cases.json   (cases: [{message, signature, address}])
// Prints {"verifications": n, "seconds": s, "perSecond": r}. ethers is loaded from the peer folder's node_modules.
const { createRequire } = require("node:module");
const path = require("node:path");
const fs = require("node:fs");
const { ethers } = createRequire(path.join(process.argv[2], "package.json"))("ethers");
const seconds = Number(process.argv[3]);
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
for (const c of cases) {
  if (ethers.verifyMessage(c.message, c.signature) !== c.address) throw new Error("ethers recovered another address for " + c.message);
}
// Warm-up (JIT), then count whole passes until the time is up.
for (let i = 0; i < 200; i++) ethers.verifyMessage(cases[i % cases.length].message, cases[i % cases.length].signature);
let n = 0;
const start = process.hrtime.bigint();
const limit = BigInt(Math.round(seconds * 1e9));
let elapsed = 0n;
while ((elapsed = process.hrtime.bigint() - start) < limit) {
  const c = cases[n % cases.length];
  ethers.verifyMessage(c.message, c.signature);
  n++;
}
const s = Number(elapsed) / 1e9;
process.stdout.write(JSON.stringify({ verifications: n, seconds: s, perSecond: n / s }));
