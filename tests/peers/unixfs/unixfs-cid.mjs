// Prints the root CID and cumulative DAG size that ipfs-unixfs-importer (the js-ipfs / Helia importer)
// computes for the first `length` bytes of files, one JSON line per job, in job order.
// Usage: node unixfs-cid.mjs JOBS.json, where JOBS.json is
//   [{ "path": "...", "length": 123, "cidVersion": 0|1, "chunkSize": 262144, "maxChildrenPerNode": 174, "rawLeaves": false }]
// Output per job: { "cid": "<hex of the binary CID>", "text": "<CID as the importer prints it>", "size": "<DAG size>" }
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { importReference } from './reference-import.mjs'

async function * nothing () {}

const jobs = JSON.parse(await readFile(process.argv[2], 'utf8'))
for (const job of jobs) {
  const content = job.length === 0
    ? nothing()
    : createReadStream(job.path, { start: 0, end: job.length - 1, highWaterMark: 1 << 20 })
  const last = await importReference(content, job)
  process.stdout.write(JSON.stringify({
    cid: Buffer.from(last.cid.bytes).toString('hex'),
    text: last.cid.toString(),
    size: String(last.size)
  }) + '\n')
}
