package org.parley.dump;

import java.util.List;

/**
 * The eight files of a Stack Exchange data dump, in the order an import reads them (users before the posts they
 * own, posts before what refers to them), each with its root element and the attribute order the public dumps use.
 * Attributes not listed here are kept and written after the listed ones.
 */
public enum DumpFile {
    USERS(
            "Users.xml",
            "users",
            List.of(
                    "Id",
                    "Reputation",
                    "CreationDate",
                    "DisplayName",
                    "LastAccessDate",
                    "WebsiteUrl",
                    "Location",
                    "AboutMe",
                    "Views",
                    "UpVotes",
                    "DownVotes",
                    "ProfileImageUrl",
                    "EmailHash",
                    "AccountId")),
    TAGS(
            "Tags.xml",
            "tags",
            List.of("Id", "TagName", "Count", "ExcerptPostId", "WikiPostId", "IsModeratorOnly", "IsRequired")),
    POSTS(
            "Posts.xml",
            "posts",
            List.of(
                    "Id",
                    "PostTypeId",
                    "AcceptedAnswerId",
                    "ParentId",
                    "CreationDate",
                    "DeletionDate",
                    "Score",
                    "ViewCount",
                    "Body",
                    "OwnerUserId",
                    "OwnerDisplayName",
                    "LastEditorUserId",
                    "LastEditorDisplayName",
                    "LastEditDate",
                    "LastActivityDate",
                    "Title",
                    "Tags",
                    "AnswerCount",
                    "CommentCount",
                    "FavoriteCount",
                    "ClosedDate",
                    "CommunityOwnedDate",
                    "ContentLicense")),
    COMMENTS(
            "Comments.xml",
            "comments",
            List.of("Id", "PostId", "Score", "Text", "CreationDate", "UserDisplayName", "UserId", "ContentLicense")),
    VOTES("Votes.xml", "votes", List.of("Id", "PostId", "VoteTypeId", "UserId", "CreationDate", "BountyAmount")),
    BADGES("Badges.xml", "badges", List.of("Id", "UserId", "Name", "Date", "Class", "TagBased")),
    POST_HISTORY(
            "PostHistory.xml",
            "posthistory",
            List.of(
                    "Id",
                    "PostHistoryTypeId",
                    "PostId",
                    "RevisionGUID",
                    "CreationDate",
                    "UserId",
                    "UserDisplayName",
                    "Comment",
                    "Text",
                    "ContentLicense")),
    POST_LINKS("PostLinks.xml", "postlinks", List.of("Id", "CreationDate", "PostId", "RelatedPostId", "LinkTypeId"));

    private final String fileName;
    private final String root;
    private final List<String> attributes;

    DumpFile(String fileName, String root, List<String> attributes) {
        this.fileName = fileName;
        this.root = root;
        this.attributes = attributes;
    }

    public String fileName() {
        return fileName;
    }

    /** The root element, e.g. {@code posts}. */
    public String root() {
        return root;
    }

    /** The attributes in the order the public dumps write them. */
    public List<String> attributes() {
        return attributes;
    }

    /** The file named {@code fileName} (case-sensitive, e.g. {@code Posts.xml}), or null. */
    public static DumpFile byFileName(String fileName) {
        for (DumpFile f : values()) {
            if (f.fileName.equals(fileName)) {
                return f;
            }
        }
        return null;
    }
}
