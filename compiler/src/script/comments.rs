//! Comments in a form that can cross threads: swc's comment store is `Rc`-based, and the IR
//! is shared between the frontend and the backends' threads.

use swc_core::common::BytePos;
use swc_core::common::comments::{Comment, SingleThreadedComments};

#[derive(Debug, Clone, Default)]
pub struct SendComments {
    leading: Vec<(BytePos, Vec<Comment>)>,
    trailing: Vec<(BytePos, Vec<Comment>)>,
}

impl SendComments {
    pub fn from_store(store: &SingleThreadedComments) -> Self {
        let (leading, trailing) = store.borrow_all();
        let collect = |map: &swc_core::common::comments::SingleThreadedCommentsMapInner| {
            let mut items: Vec<(BytePos, Vec<Comment>)> = map.iter().map(|(k, v)| (*k, v.clone())).collect();
            items.sort_by_key(|(pos, _)| *pos);
            items
        };
        SendComments { leading: collect(&leading), trailing: collect(&trailing) }
    }

    pub fn to_store(&self) -> SingleThreadedComments {
        let store = SingleThreadedComments::default();
        {
            let (mut leading, mut trailing) = store.borrow_all_mut();
            leading.extend(self.leading.iter().cloned());
            trailing.extend(self.trailing.iter().cloned());
        }
        store
    }
}
