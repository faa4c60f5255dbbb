"""
Fits the handwritten-digit network's weights with PyTorch, for tools/train-digits.ts
(`DIGITS_TRAINER=torch npm run train:digits`): tfjs's pure-JS cpu backend takes minutes an epoch
even for the small network, PyTorch (Debian's python3-torch) seconds. Only the fitting is here.
The samples are made by tools/digits-data.ts (the reader's own normalisation), the network's
topology is the tfjs-layers one tools/train-digits.ts builds, and the evaluation, the temperature
and the weights module are written there too; this mirrors that topology layer for layer and
hands back its weights in tfjs's order and layout.

Usage: python3 tools/train-digits-torch.py DIR NET PASSES SEED
  DIR holds x-E.u8 (n × 784 bytes, 0..255 ink) and y-E.u8 (n labels, 0..10) for E = 0, 1, ...;
  the weights are written to DIR/weights.f32 (float32, little-endian, tfjs's getWeights order:
  conv kernels [kh, kw, in, out], dense kernels [in, out] with inputs in NHWC flatten order), and
  the probabilities of the first 64 samples of x-0 to DIR/check.f32 (64 × 11), for the caller to
  check that its tfjs network with those weights reads them the same.
"""
import glob
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def build(net: str) -> nn.Sequential:
    if net == 'cnn3':
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 3), nn.ReLU(),
            nn.Flatten(), nn.Dropout(0.3),
            nn.Linear(5 * 5 * 32, 64), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(64, 11),
        )
    raise SystemExit(f'no PyTorch mirror of network {net}')


def tfjs_weights(model: nn.Sequential) -> list:
    """The weights in tfjs-layers' order and layout (a dense layer after a flatten reorders its inputs from NCHW to NHWC)."""
    out = []
    shape = None  # (C, H, W) of the last convolutional output
    h = w = 28
    for layer in model:
        if isinstance(layer, nn.Conv2d):
            k = layer.weight.detach().numpy()  # [out, in, kh, kw]
            out.append(k.transpose(2, 3, 1, 0))
            out.append(layer.bias.detach().numpy())
            pad = layer.padding[0]
            h, w = h + 2 * pad - layer.kernel_size[0] + 1, w + 2 * pad - layer.kernel_size[1] + 1
            shape = (layer.out_channels, h, w)
        elif isinstance(layer, nn.MaxPool2d):
            h, w = h // 2, w // 2
            shape = (shape[0], h, w)
        elif isinstance(layer, nn.Linear):
            k = layer.weight.detach().numpy()  # [out, in]
            if shape is not None:
                c, hh, ww = shape
                k = k.reshape(k.shape[0], c, hh, ww).transpose(0, 2, 3, 1).reshape(k.shape[0], -1)
                shape = None
            out.append(k.T)
            out.append(layer.bias.detach().numpy())
    return out


def main() -> None:
    d, net, passes, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count() or 1)
    xs, ys = [], []
    for f in sorted(glob.glob(os.path.join(d, 'x-*.u8')), key=lambda p: int(p.rsplit('-', 1)[1].split('.')[0])):
        e = f.rsplit('-', 1)[1].split('.')[0]
        xs.append(np.fromfile(f, dtype=np.uint8).reshape(-1, 1, 28, 28))
        ys.append(np.fromfile(os.path.join(d, f'y-{e}.u8'), dtype=np.uint8))
    x = torch.from_numpy(np.concatenate(xs)).float().div_(255)
    y = torch.from_numpy(np.concatenate(ys)).long()
    n = len(y)
    print(f'{n} samples, network {net}, {passes} passes, {torch.get_num_threads()} threads', flush=True)
    model = build(net)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    batch = 128
    steps = passes * ((n + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(seed)
    for p in range(passes):
        t0 = time.time()
        model.train()
        order = torch.randperm(n, generator=g)
        total, right = 0.0, 0
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            xb, yb = x[idx], y[idx]
            # A pixel's shift either way: the reader centres by the centre of mass, not exactly.
            dx, dy = torch.randint(-1, 2, (2,), generator=g).tolist()
            if dx or dy:
                xb = torch.roll(xb, shifts=(dy, dx), dims=(2, 3))
            opt.zero_grad()
            logits = model(xb)
            loss = loss_fn(logits, yb)
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(yb)
            right += (logits.argmax(1) == yb).sum().item()
        print(f'pass {p + 1}/{passes}: loss {total / n:.4f}, accuracy {right / n:.4f}, {time.time() - t0:.0f} s', flush=True)
    model.eval()
    ws = tfjs_weights(model)
    np.concatenate([a.astype('<f4').ravel() for a in ws]).tofile(os.path.join(d, 'weights.f32'))
    # The first 64 samples' probabilities, for the caller to check its tfjs network gives the same.
    with torch.no_grad():
        torch.softmax(model(x[:64]), 1).numpy().astype('<f4').tofile(os.path.join(d, 'check.f32'))
    print('shapes', [list(a.shape) for a in ws], flush=True)


if __name__ == '__main__':
    main()
