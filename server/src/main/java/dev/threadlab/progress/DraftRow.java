package dev.threadlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One draft: the files of one example or exercise as one learner last saved them, with a version per save. */
@Entity
@Table(name = "draft")
class DraftRow {
    @EmbeddedId
    Key key;
    @Column(nullable = false)
    String files;
    @Column(nullable = false)
    long version;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Embeddable
    record Key(@Column(name = "owner_id") String ownerId, @Column(name = "draft_key") String draftKey)
            implements Serializable {
    }
}
