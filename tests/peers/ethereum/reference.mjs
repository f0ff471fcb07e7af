// Reference answers from ethers 6 and siwe for the C# cross-check tests.
// Reads {"cases": [{"op": "...", "args": ...}, ...]} on stdin and writes {"results": [...]} on stdout, one per case;
// a case that throws yields {"error": "..."} so that one bad case does not hide the others.
import { AbiCoder, SigningKey, Transaction, Wallet, getBytes, hashMessage, keccak256, verifyMessage } from 'ethers';
import { SiweMessage } from 'siwe';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

// JSON has no big integers: the tests send them as decimal strings and get them back the same way.
const plain = (value) => {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && typeof value.toArray === 'function') return plain(value.toArray());
  return value;
};

const ops = {
  keccak: (hex) => keccak256(hex),
  hashMessage: (message) => hashMessage(message),
  signMessage: ({ privateKey, message }) => new Wallet(privateKey).signMessageSync(message),
  verifyMessage: ({ message, signature }) => verifyMessage(message, signature),
  signHash: ({ privateKey, hash }) => {
    const sig = new SigningKey(privateKey).sign(hash);
    return { r: sig.r, s: sig.s, yParity: sig.yParity };
  },
  siwePrepare: (fields) => new SiweMessage(fields).prepareMessage(),
  siweParse: (text) => {
    const m = new SiweMessage(text);
    return {
      domain: m.domain, address: m.address, statement: m.statement ?? null, uri: m.uri, version: m.version,
      chainId: m.chainId, nonce: m.nonce, issuedAt: m.issuedAt, expirationTime: m.expirationTime ?? null,
      notBefore: m.notBefore ?? null, requestId: m.requestId ?? null, resources: m.resources ?? [],
    };
  },
  signTransaction: ({ privateKey, tx }) => {
    const transaction = Transaction.from(tx);
    transaction.signature = new SigningKey(privateKey).sign(transaction.unsignedHash);
    return {
      unsignedSerialized: transaction.unsignedSerialized,
      unsignedHash: transaction.unsignedHash,
      serialized: transaction.serialized,
      hash: transaction.hash,
      from: transaction.from,
    };
  },
  parseTransaction: (raw) => {
    const t = Transaction.from(raw);
    return {
      type: t.type, chainId: t.chainId.toString(), nonce: t.nonce, to: t.to, value: t.value.toString(), data: t.data,
      gasLimit: t.gasLimit.toString(), gasPrice: t.gasPrice?.toString() ?? null,
      maxFeePerGas: t.maxFeePerGas?.toString() ?? null, maxPriorityFeePerGas: t.maxPriorityFeePerGas?.toString() ?? null,
      from: t.from, hash: t.hash,
    };
  },
  abiEncode: ({ types, values }) => AbiCoder.defaultAbiCoder().encode(types, values),
  abiDecode: ({ types, data }) => plain(AbiCoder.defaultAbiCoder().decode(types, data)),
};

const results = input.cases.map(({ op, args }) => {
  if (!ops[op]) {
    return { error: `unknown op ${op}` };
  }
  try {
    return { value: ops[op](args) };
  } catch (e) {
    return { error: e.shortMessage ?? e.message ?? String(e) };
  }
});
process.stdout.write(JSON.stringify({ results }));
