// js-ipfs 0.66.1's dependencies call Promise.withResolvers (Node 22); Node 20 lacks it (spec/test-peers.md).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new this((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
