// Drives the gateway's /psa with the generated IPFS Pinning Service API client (npm
// @ipfs-shipyard/pinning-service-client), in the order Kubo's `ipfs pin remote` protocol uses it:
//   add:  POST /pins {cid, name, origins} → poll GET /pins/{requestid} until pinned (`--background=false`)
//   ls:   GET /pins?cid=…&status=pinned (Kubo always names the statuses), then name filters and `before` paging
//   rm:   GET /pins?cid=… to find request ids, then DELETE /pins/{requestid}
// plus replace (POST /pins/{requestid}) and the error answers. Prints one JSON object with what it saw.
//
//   node remote-pin.mjs --endpoint URL --token TOKEN --cid CID [--origin MULTIADDR]
import { Configuration, RemotePinningServiceClient, Status, TextMatchingStrategy } from '@ipfs-shipyard/pinning-service-client'

const args = {}
const argv = process.argv.slice(2)
for (let i = 0; i < argv.length; i += 2) {
  args[argv[i].replace(/^--/, '')] = argv[i + 1]
}

const client = new RemotePinningServiceClient(new Configuration({ endpointUrl: args.endpoint, accessToken: args.token }))
const anonymous = new RemotePinningServiceClient(new Configuration({ endpointUrl: args.endpoint, accessToken: 'fgw_not-a-token' }))

// The client throws the fetch Response of any non-2xx answer.
async function failure (call) {
  try {
    await call()
    return { status: 0 }
  } catch (response) {
    if (typeof response?.json !== 'function') throw response
    return { status: response.status, body: await response.json() }
  }
}

// An answer nobody expected ends the run with its status and body on stderr.
process.on('unhandledRejection', async (reason) => {
  const text = typeof reason?.text === 'function' ? `${reason.status} ${reason.url}: ${await reason.text()}` : String(reason?.stack ?? reason)
  process.stderr.write(text + '\n')
  process.exit(1)
})

const out = {}
// origins go as an array: the client sends the value as given, and a Set would serialize as {}.
const origins = args.origin ? [args.origin] : undefined
const added = await client.pinsPost({ pin: { cid: args.cid, name: 'remote-pin.txt', origins, meta: { app_id: 'kubo-remote' } } })
out.added = { requestid: added.requestid, status: added.status, delegates: Array.from(added.delegates), created: added.created.toISOString() }

let current = added
const deadline = Date.now() + 30000
while (current.status !== Status.Pinned && current.status !== Status.Failed && Date.now() < deadline) {
  await new Promise(resolve => setTimeout(resolve, 200))
  current = await client.pinsRequestidGet({ requestid: added.requestid })
}
out.final = { status: current.status, info: current.info }

const second = await client.pinsPost({ pin: { cid: args.cid, name: 'second copy' } })
const third = await client.pinsPost({ pin: { cid: args.cid, name: 'Third Copy' } })
out.distinctRequestIds = new Set([added.requestid, second.requestid, third.requestid]).size

const pinned = await client.pinsGet({ cid: new Set([args.cid]), status: new Set([Status.Pinned]) })
out.lsPinned = { count: pinned.count, requestids: Array.from(pinned.results).map(r => r.requestid) }
const all = await client.pinsGet({ cid: new Set([args.cid]), status: new Set([Status.Queued, Status.Pinning, Status.Pinned, Status.Failed]) })
out.lsAll = { count: all.count, requestids: Array.from(all.results).map(r => r.requestid) }
const byName = await client.pinsGet({ name: 'copy', match: TextMatchingStrategy.Ipartial })
out.lsByName = Array.from(byName.results).map(r => r.pin.name)

// Paging as the spec describes it: `before` = the `created` of the oldest item so far (a Date, to the millisecond).
const paged = []
let before
for (;;) {
  const page = await client.pinsGet({ limit: 1, before })
  const results = Array.from(page.results) // the client turns uniqueItems arrays into Sets
  paged.push(...results.map(r => r.requestid))
  if (results.length === 0 || paged.length >= page.count + 5) break
  before = results[results.length - 1].created
}
out.paged = paged

const replaced = await client.pinsRequestidPost({ requestid: second.requestid, pin: { cid: args.cid, name: 'replaced' } })
out.replaced = { requestid: replaced.requestid, name: replaced.pin.name }
out.replacedOld = await failure(() => client.pinsRequestidGet({ requestid: second.requestid }))

for (const result of Array.from((await client.pinsGet({ cid: new Set([args.cid]), limit: 1000 })).results)) {
  await client.pinsRequestidDelete({ requestid: result.requestid })
}
out.afterRm = (await client.pinsGet({})).count
out.deletedGet = await failure(() => client.pinsRequestidGet({ requestid: added.requestid }))
out.badCid = await failure(() => client.pinsPost({ pin: { cid: 'not-a-cid' } }))
out.badLimit = await failure(() => client.pinsGet({ limit: 5000 }))
out.unauthorized = await failure(() => anonymous.pinsGet({}))

process.stdout.write(JSON.stringify(out) + '\n')
