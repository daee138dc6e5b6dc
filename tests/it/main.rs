//! miniweave's integration tests: the showcase built for every target and judged by the
//! platforms' own tools, the native twin compared with it, every error fixture, writing,
//! and the command line.

mod apis;
mod ci_sizes;
mod cli;
mod condcomp;
mod crash;
mod deep_input;
mod diagnostic_caps;
mod docs_examples;
mod errors;
mod fuzz_smoke;
mod hostile;
mod judges;
mod library_scripts;
mod native;
mod oracle;
mod placement;
mod platform_gaps;
mod runtime_apis;
mod schema;
mod script_helpers;
mod scripts;
mod session;
mod showcase_alipay;
mod showcase_wechat;
mod showcase_weibo;
mod size;
mod styles;
mod support;
mod typos;
mod upload;
mod watch;
mod wechat_input;
mod writing;
