// The reference import both scripts share: ipfs-unixfs-importer with Kubo's balanced layout and fixed-size chunks,
// only the CIDs kept. Returns the root entry ({ cid, size }) of one file's bytes.
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'

const blockstore = { put: async (cid) => cid }

export async function importReference (content, { cidVersion, rawLeaves, chunkSize, maxChildrenPerNode }) {
  let root
  for await (const entry of importer([{ path: 'file', content }], blockstore, {
    cidVersion,
    rawLeaves,
    chunker: fixedSize({ chunkSize }),
    layout: balanced({ maxChildrenPerNode }),
    reduceSingleLeafToSelf: true,
    leafType: 'file'
  })) {
    root = entry
  }
  return root
}
