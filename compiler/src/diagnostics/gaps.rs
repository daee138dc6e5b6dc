//! Platform gaps said once per place: a build over several targets finds the same missing
//! API once per target, and two messages with two different `#if` hints at one call would
//! each suggest a fix the other contradicts. They become one diagnostic naming every target
//! that lacks the thing and the one `#if` that keeps the code where it runs.

use std::collections::BTreeMap;

use super::{Diagnostic, Severity};
use crate::target::Target;

/// What a diagnostic says one target lacks, so it can be merged with the other targets'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub target: Target,
    /// The missing thing as messages name it: "`wx.requestPayment`".
    pub what: String,
    /// `false` when no source documents the gap and a run-time guard stands in for it.
    pub certain: bool,
    /// The target's nearest equivalent, where a source names it.
    pub counterpart: Option<String>,
}

/// `Alipay`, `Alipay and Weibo`.
fn platforms(gaps: &[&Gap]) -> String {
    let names: Vec<&str> = gaps.iter().map(|g| g.target.display_name()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `#if` condition that keeps code off every target in `lacking`: `wechat` when only
/// WeChat is left, else `!alipay` (and `!alipay && !weibo` forms are never needed with three
/// targets, WeChat having every WeChat API).
pub fn keep_condition(lacking: &[Target]) -> String {
    let having: Vec<Target> = Target::ALL.into_iter().filter(|t| !lacking.contains(t)).collect();
    match (having.as_slice(), lacking) {
        ([only], _) => only.name().to_string(),
        (_, [one]) => format!("!{}", one.name()),
        _ => lacking.iter().map(|t| format!("!{}", t.name())).collect::<Vec<_>>().join(" && "),
    }
}

/// Code, file, primary span and the missing thing: what makes two diagnostics one gap.
type GroupKey = (String, Option<String>, usize, usize, String);

/// Merges diagnostics about one gap at one place on several targets into one.
pub fn merge_gaps(list: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (i, d) in list.iter().enumerate() {
        if let Some(gap) = &d.gap {
            let span = d.labels.first().map_or((0, 0), |l| (l.span.start, l.span.end));
            let file = d.file.as_ref().map(|f| f.name().to_string());
            groups.entry((d.code.to_string(), file, span.0, span.1, gap.what.clone())).or_default().push(i);
        }
    }
    let mut merged = Vec::new();
    let mut drop = vec![false; list.len()];
    for indices in groups.into_values().filter(|g| g.len() > 1) {
        let parts: Vec<&Diagnostic> = indices.iter().map(|&i| &list[i]).collect();
        merged.push(merge(&parts));
        for i in indices {
            drop[i] = true;
        }
    }
    let mut i = 0;
    list.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    list.extend(merged);
}

fn merge(parts: &[&Diagnostic]) -> Diagnostic {
    let mut gaps: Vec<&Gap> = parts.iter().filter_map(|d| d.gap.as_deref()).collect();
    gaps.sort_by_key(|g| g.target);
    gaps.dedup_by_key(|g| g.target);
    let what = &gaps[0].what;
    let certain: Vec<&Gap> = gaps.iter().copied().filter(|g| g.certain).collect();
    let unsure: Vec<&Gap> = gaps.iter().copied().filter(|g| !g.certain).collect();
    let message = match (certain.as_slice(), unsure.as_slice()) {
        ([], _) => format!("{} may have no {what}", platforms(&unsure)),
        ([one], []) => format!("{} has no {what}", one.target.display_name()),
        (_, []) => format!("{} have no {what}", platforms(&certain)),
        _ => format!(
            "{} {} no {what}, and {} may have none",
            platforms(&certain),
            if certain.len() == 1 { "has" } else { "have" },
            platforms(&unsure)
        ),
    };
    let lacking: Vec<Target> = gaps.iter().map(|g| g.target).collect();
    let mut help = format!(
        "keep this code where it runs: put it in an `// #if {}` branch, and what {} should do instead in `// #else`",
        keep_condition(&lacking),
        platforms(&gaps)
    );
    for g in &gaps {
        if let Some(counterpart) = &g.counterpart {
            help.push_str(&format!("\n{}'s counterpart: {counterpart}", g.target.display_name()));
        }
    }
    if !unsure.is_empty() {
        help.push_str(&format!(
            "\non {} no source documents it, so until then the call goes through a run-time guard that fails it with an errMsg",
            platforms(&unsure)
        ));
    }
    let first = parts[0];
    let severity = parts.iter().map(|d| d.severity).min().unwrap_or(Severity::Error);
    let suffix = parts.iter().find_map(|d| d.message.find(" (\"platformGaps\"").map(|at| d.message[at..].to_string()));
    Diagnostic {
        severity,
        message: message + suffix.as_deref().unwrap_or(""),
        labels: first
            .labels
            .first()
            .map(|l| super::Label { span: l.span, message: format!("not available on {}", platforms(&gaps)) })
            .into_iter()
            .collect(),
        help: Some(help),
        gap: None,
        ..first.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_condition_keeps_code_on_the_targets_that_have_it() {
        assert_eq!(keep_condition(&[Target::Alipay, Target::Weibo]), "wechat");
        assert_eq!(keep_condition(&[Target::Alipay]), "!alipay");
        assert_eq!(keep_condition(&[Target::Weibo]), "!weibo");
    }
}
