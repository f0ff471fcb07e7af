// A Kubo RPC client in a few lines: adds generated files to a gateway's /api/v0/add with fetch and FormData (a
// multipart body with one "file" part, as Kubo's HTTP clients send it), and prints for each case the Hash and Size
// the gateway answered next to the root CID and DAG size ipfs-unixfs-importer computes for the same bytes and options.
// Usage: node kubo-add-fetch.mjs BASE_URL BEARER_TOKEN
// Output: one JSON line per case: { "query", "hash", "size", "referenceHash", "referenceSize" }
import { importReference } from './reference-import.mjs'

const [baseUrl, token] = process.argv.slice(2)

// Kubo's options and the importer's equivalents; sizes chosen for several leaves and, in the second case, three levels.
const cases = [
  { query: 'cid-version=1', length: 700000, cidVersion: 1, rawLeaves: true, chunkSize: 262144, links: 174 },
  { query: 'cid-version=1&chunker=size-65536&max-file-links=4', length: 1200000, cidVersion: 1, rawLeaves: true, chunkSize: 65536, links: 4 },
  { query: 'cid-version=1&raw-leaves=false&chunker=size-100000', length: 450000, cidVersion: 1, rawLeaves: false, chunkSize: 100000, links: 174 },
  { query: 'raw-leaves=true&chunker=size-50000&max-file-links=3', length: 400000, cidVersion: 0, rawLeaves: true, chunkSize: 50000, links: 3 }
]

function generate (length, seed) {
  const bytes = new Uint8Array(length)
  let state = BigInt(seed) | 1n
  for (let i = 0; i < length; i++) {
    state ^= state << 13n; state &= 0xffffffffffffffffn
    state ^= state >> 7n
    state ^= state << 17n; state &= 0xffffffffffffffffn
    bytes[i] = Number(state & 0xffn)
  }
  return bytes
}

for (const [index, c] of cases.entries()) {
  const bytes = generate(c.length, index + 1)
  const form = new FormData()
  form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), `generated-${index}.bin`)
  const response = await fetch(`${baseUrl}/api/v0/add?${c.query}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${response.status} ${text}`)
  }
  const answer = JSON.parse(text.trim().split('\n').at(-1))

  const reference = await importReference([bytes], { cidVersion: c.cidVersion, rawLeaves: c.rawLeaves, chunkSize: c.chunkSize, maxChildrenPerNode: c.links })

  process.stdout.write(JSON.stringify({
    query: c.query, hash: answer.Hash, size: answer.Size, referenceHash: reference.cid.toString(), referenceSize: String(reference.size)
  }) + '\n')
}
