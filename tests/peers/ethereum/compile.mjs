// Compiles contracts/*.sol with solc-js (wasm, offline) and prints {"Name": {"abi": [...], "bytecode": "0x…"}}.
// EVM version paris: ganache 7.9 runs it, and no PUSH0 appears in the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'contracts');
const sources = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.sol'))
  .map((f) => [f, { content: readFileSync(join(folder, f), 'utf8') }]));
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'paris',
    optimizer: { enabled: false },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  process.stderr.write(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const result = {};
for (const file of Object.values(output.contracts)) {
  for (const [name, contract] of Object.entries(file)) {
    result[name] = { abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object };
  }
}
process.stdout.write(JSON.stringify(result));
