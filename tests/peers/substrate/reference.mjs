// Substrate reference answers for the C# tests, from @polkadot/util-crypto, @polkadot/util and @polkadot/types.
// Reads one JSON array of cases on stdin: [{ "id": "...", "op": "...", ...args }], writes { id: result } on stdout.
import { cryptoWaitReady, sr25519PairFromSeed, sr25519Sign, sr25519Verify, ed25519PairFromSeed, ed25519Sign,
  ed25519Verify, encodeAddress, decodeAddress, xxhashAsHex, blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex, stringToU8a } from '@polkadot/util';
import { TypeRegistry } from '@polkadot/types';

const input = await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
});

await cryptoWaitReady();
const registry = new TypeRegistry();
const bytes = (hex) => hexToU8a(hex);

const ops = {
  sr25519Public: (c) => u8aToHex(sr25519PairFromSeed(bytes(c.seed)).publicKey),
  sr25519Sign: (c) => u8aToHex(sr25519Sign(bytes(c.message), sr25519PairFromSeed(bytes(c.seed)))),
  sr25519Verify: (c) => sr25519Verify(bytes(c.message), bytes(c.signature), bytes(c.publicKey)),
  ed25519Public: (c) => u8aToHex(ed25519PairFromSeed(bytes(c.seed)).publicKey),
  ed25519Sign: (c) => u8aToHex(ed25519Sign(bytes(c.message), ed25519PairFromSeed(bytes(c.seed)))),
  ed25519Verify: (c) => ed25519Verify(bytes(c.message), bytes(c.signature), bytes(c.publicKey)),
  ss58Encode: (c) => encodeAddress(bytes(c.publicKey), c.prefix),
  ss58Decode: (c) => u8aToHex(decodeAddress(c.address)),
  xxhash: (c) => xxhashAsHex(bytes(c.data), c.bits),
  blake2: (c) => blake2AsHex(bytes(c.data), c.bits),
  storageKey: (c) => {
    // twox128(pallet) ‖ twox128(item) ‖ for each key: its hasher over the key bytes.
    let key = xxhashAsHex(stringToU8a(c.pallet), 128) + xxhashAsHex(stringToU8a(c.item), 128).slice(2);
    for (const k of c.keys) {
      const data = bytes(k.data);
      if (k.hasher === 'Blake2_128Concat') key += blake2AsHex(data, 128).slice(2) + k.data.slice(2);
      else if (k.hasher === 'Twox64Concat') key += xxhashAsHex(data, 64).slice(2) + k.data.slice(2);
      else if (k.hasher === 'Identity') key += k.data.slice(2);
      else throw new Error('hasher ' + k.hasher);
    }
    return key;
  },
  scale: (c) => u8aToHex(registry.createType(c.type, c.value).toU8a()),
};

const results = {};
for (const c of JSON.parse(input)) {
  try {
    results[c.id] = { ok: true, value: ops[c.op](c) };
  } catch (e) {
    results[c.id] = { ok: false, error: String(e && e.message || e) };
  }
}
process.stdout.write(JSON.stringify(results));
