package dev.threadlab.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One folder of a batch and the submission made from it. */
@Entity
@Table(name = "batch_item")
class BatchItemRow {
    @EmbeddedId
    Key key;
    @Column(name = "submission_id", nullable = false)
    String submissionId;

    @Embeddable
    record Key(@Column(name = "batch_id") String batchId, @Column(name = "folder") String folder)
            implements Serializable {
    }
}
