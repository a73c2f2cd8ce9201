package org.parley.analysis;

/** Names of indexes, fields and analyzers, shared by the mappings, the queries and the analysis configurer. */
public final class SearchNames {

    /** The index of delivered private messages. */
    public static final String MESSAGE_INDEX = "parley-messages";

    /** Human text in any Latin-script language: words split by Unicode rules, lower-cased, accents folded. */
    public static final String TEXT_ANALYZER = "parley_text";

    /** A message's body as plain text (the rendered Markdown without tags), analysed by {@link #TEXT_ANALYZER}. */
    public static final String MESSAGE_BODY = "body";

    /** Ids of the users who may find a message: its sender and recipient, unless they deleted it for themselves. */
    public static final String MESSAGE_VISIBLE_TO = "visibleTo";

    public static final String MESSAGE_CONVERSATION = "conversation";
    public static final String MESSAGE_SENDER = "sender";
    public static final String MESSAGE_RECIPIENT = "recipient";
    public static final String MESSAGE_CREATED_AT = "createdAt";

    private SearchNames() {}
}
