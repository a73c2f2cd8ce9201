package org.parley.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's uploaded avatar: a small PNG made by {@code org.parley.image.AvatarImages}, one row per user (keyed by the
 * user's id), replaced by each upload. Its version is also on {@link User#getAvatarVersion()}, so pages build the
 * avatar's URL without reading this row.
 */
@Entity
@Table(name = "user_avatar")
public class UserAvatar {

    /** The largest stored image, in bytes (a 128 × 128 PNG is far smaller). */
    public static final int MAX_STORED = 256 * 1024;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "image", nullable = false, length = MAX_STORED)
    private byte[] image;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserAvatar() {}

    UserAvatar(long userId) {
        this.userId = userId;
    }

    void replace(String newContentType, byte[] newImage, int newVersion, Instant now) {
        Objects.requireNonNull(newImage, "newImage");
        if (newImage.length > MAX_STORED) {
            throw new IllegalArgumentException("An avatar of " + newImage.length + " bytes is too big to store");
        }
        contentType = Objects.requireNonNull(newContentType, "newContentType");
        image = newImage.clone();
        version = newVersion;
        updatedAt = Objects.requireNonNull(now, "now");
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getImage() {
        return image.clone();
    }

    public int getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
