// A Decoo SDK-style client (decooio/decoo-sdk@9101d5e, spec/compat.md §3) and its primitives, as references for the
// .NET tests: Node's crypto.privateEncrypt for `secret` (RSA_PKCS1_PADDING, the SDK's public-encrypt does the same),
// ipfs-unixfs-importer for the CID (the SDK's ipfs-core add: CIDv0, 256 KiB chunks, balanced, 174 links).
// Usage: node decoo-sdk.mjs < {"cases":[{"op":"…","args":{…}}]}  →  {"results":[{"value":…}|{"error":"…"}]}
//   keypair   {bits}                                  → {privateKey (PKCS#8 PEM), spki (PEM), pkcs1 (PEM)}
//   secret    {privateKey, cid}                       → base64 of privateEncrypt(key, Buffer.from(cid))
//   rawSecret {privateKey, blockHex}                  → base64 of privateEncrypt(RSA_NO_PADDING, block): any block, for bad-padding cases
//   cid       {path}                                  → the file's CID as the SDK computes it
//   pinFile   {cloudUrl, endpointUrl, apiKey, privateKeyBody, path, name?} → {status, body}: the SDK's pinFile
//   pinByHash {cloudUrl, endpointUrl, apiKey, privateKeyBody, cid}         → {status, body}: the SDK's pinByHash
import crypto from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { importReference } from './reference-import.mjs'

const sdkProfile = { cidVersion: 0, rawLeaves: false, chunkSize: 262144, maxChildrenPerNode: 174 }

async function fileCid (path) {
  return (await importReference(createReadStream(path, { highWaterMark: 1 << 20 }), sdkProfile)).cid.toString()
}

// The SDK wraps the base64 body of the user's key (panel → API → Verification Key) as PKCS#8 PEM.
const wrap = (body) => `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`

async function accessToken ({ cloudUrl, apiKey }) {
  const res = await fetch(cloudUrl + '/oauth/accessToken', { headers: { Authorization: 'Bearer ' + apiKey } })
  const data = await res.json()
  if (!data.Data) throw new Error('no access token: ' + JSON.stringify(data))
  return data.Data
}

async function answer (res) {
  const text = await res.text()
  return { status: res.status, body: text.length ? JSON.parse(text) : null }
}

const ops = {
  keypair: ({ bits }) => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: bits })
    return {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      spki: publicKey.export({ type: 'spki', format: 'pem' }),
      pkcs1: publicKey.export({ type: 'pkcs1', format: 'pem' })
    }
  },
  secret: ({ privateKey, cid }) => crypto.privateEncrypt(privateKey, Buffer.from(cid)).toString('base64'),
  rawSecret: ({ privateKey, blockHex }) =>
    crypto.privateEncrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(blockHex, 'hex')).toString('base64'),
  cid: ({ path }) => fileCid(path),
  pinFile: async (args) => {
    const token = await accessToken(args)
    const cid = await fileCid(args.path)
    const secret = crypto.privateEncrypt(wrap(args.privateKeyBody), Buffer.from(cid)).toString('base64')
    const form = new FormData()
    form.append('file', new Blob([await readFile(args.path)]), args.name ?? cid)
    form.append('cid', cid)
    form.append('secret', secret)
    const res = await fetch(args.endpointUrl + '/pinning/pinFile', { method: 'POST', body: form, headers: { UserAccessToken: token } })
    return { cid, ...(await answer(res)) }
  },
  pinByHash: async (args) => {
    const token = await accessToken(args)
    const secret = crypto.privateEncrypt(wrap(args.privateKeyBody), Buffer.from(args.cid)).toString('base64')
    const res = await fetch(args.endpointUrl + '/pinning/pinByHash', {
      method: 'POST',
      body: JSON.stringify({ hashToPin: args.cid, secret }),
      headers: { UserAccessToken: token, 'Content-Type': 'application/json' }
    })
    return answer(res)
  }
}

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const { cases } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const results = []
for (const { op, args } of cases) {
  try {
    results.push({ value: await ops[op](args) })
  } catch (e) {
    results.push({ error: String(e && e.stack ? e.stack : e) })
  }
}
process.stdout.write(JSON.stringify({ results }))
