// Run by `miniweave upload` and `miniweave preview` with `node -e`: hands the WeChat output
// to miniprogram-ci, the user's own install (an optional peer dependency of the npm
// package), resolved from the project folder. The one argument is the JSON job; the last line
// on stdout is the JSON result; progress goes to stderr. Exit 3: miniprogram-ci is missing.
'use strict';
const job = JSON.parse(process.argv[1]);
let ci;
try {
  ci = require(require.resolve('miniprogram-ci', { paths: [job.root] }));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') process.exit(3);
  throw e;
}
// miniprogram-ci logs its progress with console.log: keep stdout for the result.
const print = console.log;
console.log = console.info = (...args) => console.error(...args);

async function main() {
  const project = new ci.Project({
    appid: job.appid,
    type: 'miniProgram',
    projectPath: job.projectPath,
    privateKeyPath: job.privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  // The output is already compiled for WeChat: miniprogram-ci must not transform it again.
  const setting = { es6: false, es7: false, minify: false, minifyJS: false, minifyWXML: false, minifyWXSS: false, autoPrefixWXSS: false, codeProtect: false };
  const progress = (task) => console.error(typeof task === 'string' ? task : `${task._msg || ''} ${task._status || ''}`.trim());
  if (job.dryRun) {
    // Offline: miniprogram-ci reads and checks the project as the IDE's code-quality panel does.
    const checks = await ci.checkCodeQuality(project);
    return { dryRun: true, checks: checks.map((c) => ({ name: c.name, success: c.success })) };
  }
  if (job.action === 'upload') {
    return ci.upload({ project, version: job.version, desc: job.desc, setting, robot: job.robot, onProgressUpdate: progress });
  }
  return ci.preview({
    project, desc: job.desc, setting, robot: job.robot, qrcodeFormat: 'image', qrcodeOutputDest: job.qrcode, onProgressUpdate: progress,
  });
}

main().then(
  // miniprogram-ci's analyser leaves a file watcher open.
  (result) => {
    print(JSON.stringify(result ?? {}));
    process.exit(0);
  },
  (e) => {
    console.error(e && e.message ? e.message : String(e));
    process.exit(1);
  }
);
