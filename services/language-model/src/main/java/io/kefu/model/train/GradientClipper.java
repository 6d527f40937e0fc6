package io.kefu.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/** Scales all gradients together so their global L2 norm is at most a limit. */
public final class GradientClipper {

    private final float maxNorm;

    /**
     * Creates a clipper.
     *
     * @param maxNorm the largest allowed global norm
     */
    public GradientClipper(float maxNorm) {
        if (!(maxNorm > 0f)) {
            throw new IllegalArgumentException("maxNorm must be > 0, was " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * Clips the gradients of the parameters in place.
     *
     * @param parameters the parameters (those without gradients are skipped)
     * @param scratch manager for temporary arrays, closed by the caller
     * @return the global norm before clipping
     */
    public float clip(PairList<String, Parameter> parameters, NDManager scratch) {
        NDList gradients = new NDList();
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.attach(scratch);
                gradients.add(gradient);
            }
        }
        NDList squares = new NDList();
        for (NDArray gradient : gradients) {
            squares.add(gradient.square().sum());
        }
        float norm = (float) Math.sqrt(NDArrays.stack(squares).sum().getFloat());
        if (norm > maxNorm) {
            float scale = maxNorm / (norm + 1e-6f);
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return norm;
    }
}
