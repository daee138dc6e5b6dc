//! What `miniweave upload` and `miniweave preview` read from a project before handing its
//! WeChat output to miniprogram-ci: `wechat.upload` in miniweave.json, with relative paths
//! taken from the project root.

use std::path::PathBuf;

use crate::BuildOptions;
use crate::build::{BuildError, prepare};

/// `wechat.upload` of a project, resolved.
#[derive(Debug, Clone)]
pub struct UploadSettings {
    /// The project root (where `package.json` and `node_modules` are looked for).
    pub root: PathBuf,
    /// `wechat.appid`, when set.
    pub appid: Option<String>,
    /// `privateKeyPath`, made absolute against the root.
    pub private_key: Option<PathBuf>,
    pub version: Option<String>,
    pub desc: Option<String>,
    pub robot: Option<u8>,
}

/// Reads the project's upload settings (the same project `options` would build).
pub fn upload_settings(options: &BuildOptions) -> Result<UploadSettings, BuildError> {
    let context = prepare(options)?;
    let layout = &context.layout;
    let upload = &layout.options.wechat.upload;
    Ok(UploadSettings {
        root: layout.root.clone(),
        appid: layout.options.wechat.appid.clone(),
        private_key: upload.private_key_path.as_ref().map(|p| layout.root.join(p)),
        version: upload.version.clone(),
        desc: upload.desc.clone(),
        robot: upload.robot,
    })
}
