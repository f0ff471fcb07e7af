// Uploads one file to a tus 1.0.0 server with the real tus client (tus-js-client, its Node build over node:http)
// and prints one JSON line on stdout:
//   {"uploadUrl": "...", "fileId": "..."}              when the upload finished (fileId from X-File-Id)
//   {"uploadUrl": "...", "aborted": true, "sent": N}   when --abort-after cut it off
// Exit code 1 with the error on stderr when the upload failed.
//
//   node upload.js --endpoint URL --file PATH --token TOKEN --chunk-size BYTES
//                  [--abort-after BYTES] [--upload-url URL]
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const { Upload } = require('tus-js-client')

function parseArgs(argv) {
  const args = {}
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}`)
    }
    args[argv[i].slice(2)] = argv[i + 1]
  }
  for (const required of ['endpoint', 'file', 'token', 'chunk-size']) {
    if (!args[required]) {
      throw new Error(`--${required} is required`)
    }
  }
  return args
}

const args = parseArgs(process.argv.slice(2))
const abortAfter = args['abort-after'] ? Number(args['abort-after']) : null
const print = (result) => process.stdout.write(`${JSON.stringify(result)}\n`)
let aborting = false

const upload = new Upload(fs.readFileSync(args.file), {
  endpoint: args.endpoint,
  uploadUrl: args['upload-url'] || null,
  chunkSize: Number(args['chunk-size']),
  headers: { Authorization: `Bearer ${args.token}` },
  metadata: { filename: path.basename(args.file), filetype: 'application/octet-stream' },
  retryDelays: [0, 500, 1000, 2000],
  // The caller keeps the upload URL itself; no fingerprint files next to the test.
  storeFingerprintForResuming: false,
  onProgress(sent) {
    if (abortAfter !== null && !aborting && sent >= abortAfter) {
      aborting = true
      // abort() destroys the PATCH in flight: the server sees the connection cut mid-body.
      upload.abort().then(() => {
        print({ uploadUrl: upload.url, aborted: true, sent })
        process.exit(0)
      })
    }
  },
  onSuccess({ lastResponse }) {
    print({ uploadUrl: upload.url, fileId: lastResponse.getHeader('X-File-Id') })
  },
  onError(error) {
    process.stderr.write(`${error}\n`)
    process.exit(1)
  },
})
upload.start()
