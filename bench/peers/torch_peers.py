"""PyTorch CPU peers, one thread: 784→256→10 training step (batch 64) and conv2d scan of a 1920×1080 image."""
import numpy as np
import torch
import torch.nn.functional as F

from common import measure, tutorial_weights

torch.set_num_threads(1)

# --- 784→256→10, batch 64, float32: the same seed-0 draws as Workloads.BatchStep.Mnist64 ---------------------
np.random.seed(0)
x = torch.from_numpy(np.random.randn(64, 784).astype(np.float32))
W1 = np.random.randn(784, 256) * 0.05
W2 = np.random.randn(256, 10) * 0.05
labels = torch.arange(64) % 10
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
with torch.no_grad():
    model[0].weight.copy_(torch.from_numpy(W1.T.astype(np.float32)))
    model[0].bias.zero_()
    model[2].weight.copy_(torch.from_numpy(W2.T.astype(np.float32)))
    model[2].bias.zero_()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)


def mlp_step():
    optimizer.zero_grad(set_to_none=False)
    loss = F.cross_entropy(model(x), labels)
    loss.backward()
    optimizer.step()
    return loss


first = mlp_step().item()
flop = 2.0 * 64 * (784 * 256 + 256 * 10) * 2 + 2.0 * 64 * 256 * 10 + 2.0 * (784 * 256 + 256 * 10)
measure("mlp784_b64_f32", "pytorch_cpu", mlp_step, flop=flop, check=first)

# --- p(Edge) over every 5×5 window of rand(1080, 1920) (seed 1), replicate borders ----------------------------
_, _, tw1, _, tw2, _ = tutorial_weights()
np.random.seed(1)
image = torch.from_numpy(np.random.rand(1, 1, 1080, 1920).astype(np.float32))
k1 = torch.from_numpy(tw1.T.reshape(8, 1, 5, 5).astype(np.float32))
k2 = torch.from_numpy(tw2.T.reshape(2, 8, 1, 1).astype(np.float32))


def scan():
    with torch.no_grad():
        h = F.relu(F.conv2d(F.pad(image, (2, 2, 2, 2), mode="replicate"), k1))
        return torch.softmax(F.conv2d(h, k2), dim=1)[0, 0]


edge = scan()
measure("scan1080p_f32_1thread", "pytorch_conv2d", scan, flop=2.0 * 1920 * 1080 * (25 * 8 + 8 * 2), check=edge[540, 960].item())
