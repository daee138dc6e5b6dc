// What render.js and simulate.js share: jsdom's globals installed before miniprogram-simulate
// is required (it touches window at load; Node 20's own Event/CustomEvent must be overwritten,
// or dispatchEvent fails with "parameter 1 is not of type 'Event'"), and every exparser error
// and warning recorded into `problems` instead of printed.
'use strict'
const path = require('path')

function simulateEnvironment() {
  const { JSDOM } = require('jsdom')
  const jsdom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent']) {
    const value = name === 'window' ? jsdom.window : jsdom.window[name]
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
  }
  const simulate = require('miniprogram-simulate')
  // The same exparser instance j-component renders with (one copy in tests/validators/node_modules).
  const exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }))
  const problems = []
  exparser.addGlobalErrorListener((err, info) => {
    problems.push(`exparser error: ${info && info.message ? `${info.message}: ` : ''}${err && err.message}`)
    return false // recorded here; do not also print the stack
  })
  exparser.addGlobalWarningListener((message) => {
    problems.push(`exparser warning: ${message}`)
  })
  return { simulate, exparser, problems }
}

module.exports = { simulateEnvironment }
