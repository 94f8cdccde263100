package io.tongban.routes.submissions;

import jakarta.validation.constraints.NotBlank;

/** A material owed by a submission, now supplied: the id {@code POST /api/v1/materials} gave it. */
public record SuppliedMaterial(@NotBlank String material) {
}
