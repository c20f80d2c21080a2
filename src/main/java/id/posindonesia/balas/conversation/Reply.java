package id.posindonesia.balas.conversation;

import java.util.List;

import id.posindonesia.balas.graph.QuickReply;

/** One message Balas sends, with the quick replies offered under it. */
record Reply(String text, List<QuickReply> quickReplies) {

	Reply {
		quickReplies = List.copyOf(quickReplies);
	}

}
