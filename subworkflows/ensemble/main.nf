// Ensembles (--ensemble K): the training tasks of each model, and its trained members gathered again.
// K = 1 trains the model itself, as without ensembles; K > 1 trains members 0..K-1 (meta.member, seeds derived
// by infera-train --member), which the shift step combines by their mean prediction.

// The training tasks of one model: [meta, samples] itself (K = 1), or one per member.
def members(meta, samples, int k) {
    return k == 1 ? [[meta, samples]] : (0..<k).collect { m -> [meta + [member: m], samples] }
}

// [meta with member, model] → [meta without member, models in member order], once all K members are in.
workflow ENSEMBLE {
    take:
    ch_models   // TRAIN.out.model

    main:
    int k = params.ensemble as int
    ch_ensembles = ch_models
        .map { meta, model -> [meta.findAll { it.key != 'member' }, meta.member ?: 0, model] }
        .groupTuple(size: k)
        .map { meta, order, models -> [meta, [order, models].transpose().sort { it[0] }.collect { it[1] }] }

    emit:
    models = ch_ensembles   // [meta, [model directories]]
}
