#!/usr/bin/env python3
"""numpy peer of mnist-shell's convolutional network (issue 18), float64, im2col:

  conv8k5-pool2-conv16k5-pool2-64-10 over 1x28x28:
  conv 8 filters 5x5 valid -> 8x24x24, Leaky ReLU (slope 0.01, the shell's default), max pool 2x2
  -> 8x12x12, conv 16 filters 5x5 valid -> 16x8x8, Leaky ReLU, max pool 2x2 -> 16x4x4, dense 64,
  Leaky ReLU, dense 10, softmax + mean cross-entropy. He init (N(0, 2 / fan_in), fan_in = C_in k k
  for a convolution), biases 0. Adam (lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected as
  train/Adam.java), mini-batches of 64 reshuffled every epoch. Pixels / 255.

Convolution is one matrix product per layer and batch: W (F, C k k) times the unfolded patches
(C k k, B Ho Wo); backward takes dW from the patches and folds W^T dZ back (col2im). Pooling
routes each window's gradient to its first maximum, as mnist-shell does.

Split: by default the shell's own (java.util.Random(2) Fisher-Yates shuffle of the 10,000 images,
the first 1,000 held out), so the test accuracy is on the shell's test images; --split first
takes the first --test rows as the peers in ../shared/bench do.

Prints each epoch's loss, test accuracy and time, then 'seconds/epoch: median X' and the test
accuracy at the end. Usage (from the repository):
  scripts/conv_numpy.py                        # data/mnist-10k-*-ubyte.gz, 3 epochs
  scripts/conv_numpy.py --epochs 10 IMAGES.gz LABELS.gz
  scripts/conv_numpy.py --filters 16,32 --hidden 128 --epochs 10   # a wider net of the same shape
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
LEAK = 0.01


def read_idx(images, labels):
    opener = lambda p: gzip.open(p, 'rb') if p.endswith('.gz') else open(p, 'rb')
    with opener(images) as f:
        magic, n, rows, cols = struct.unpack('>IIII', f.read(16))
        if magic != 2051:
            raise SystemExit('%s: not an IDX3 image file (magic %d, expected 2051)' % (images, magic))
        x = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8).reshape(n, 1, rows, cols)
    with opener(labels) as f:
        magic, m = struct.unpack('>II', f.read(8))
        if magic != 2049 or m != n:
            raise SystemExit('%s: not the IDX1 labels of %d images (magic %d, %d labels)' % (labels, n, magic, m))
        y = np.frombuffer(f.read(m), dtype=np.uint8).astype(np.int64)
    return x, y


class JavaRandom:
    """java.util.Random's generator, enough of it for data/Split.shuffled to be made again."""

    def __init__(self, seed):
        self.s = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.s = (self.s * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.s >> (48 - bits)
        return r - (1 << 32) if r >= 1 << 31 else r

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < 1 << 31:
                return val


def shell_split(n, test, seed):
    order = list(range(n))
    rnd = JavaRandom(seed)
    for i in range(n - 1, 0, -1):
        j = rnd.next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return np.array(order[test:]), np.array(order[:test])


def lrelu(z):
    return np.where(z > 0, z, LEAK * z)


def lrelu_slope(z):
    return np.where(z > 0, 1.0, LEAK)


class Conv:
    """F filters k x k, stride 1, valid. x: (B, C, H, W) -> (B, F, H-k+1, W-k+1)."""

    def __init__(self, c, f, k, rng):
        self.k = k
        self.W = rng.standard_normal((f, c * k * k)) * np.sqrt(2.0 / (c * k * k))
        self.b = np.zeros((f, 1))

    def unfold(self, x):
        """x: (B, C, H, W) -> patches (C k k, B Ho Wo), rows (c, dy, dx), columns (b, oy, ox)."""
        B, C, H, W = x.shape
        win = np.lib.stride_tricks.sliding_window_view(x, (self.k, self.k), axis=(2, 3))  # B C Ho Wo k k
        return win.transpose(1, 4, 5, 0, 2, 3).reshape(C * self.k * self.k, -1)

    def forward(self, x):
        self.shape = x.shape
        B, C, H, W = x.shape
        ho, wo = H - self.k + 1, W - self.k + 1
        self.cols = self.unfold(x)
        z = self.W @ self.cols + self.b                                  # (F, B Ho Wo)
        return z.reshape(-1, B, ho, wo).transpose(1, 0, 2, 3)

    def backward(self, dz):
        """dz: (B, F, Ho, Wo), the mean loss's gradient -> dx (B, C, H, W); sets dW, db."""
        B, C, H, W = self.shape
        k = self.k
        ho, wo = H - k + 1, W - k + 1
        d = dz.transpose(1, 0, 2, 3).reshape(dz.shape[1], -1)           # (F, B Ho Wo)
        self.dW = d @ self.cols.T
        self.db = d.sum(axis=1, keepdims=True)
        dcols = (self.W.T @ d).reshape(C, k, k, B, ho, wo)
        dx = np.zeros((B, C, H, W))
        for dy in range(k):
            for dx_ in range(k):
                dx[:, :, dy:dy + ho, dx_:dx_ + wo] += dcols[:, dy, dx_].transpose(1, 0, 2, 3)
        return dx


class Pool:
    """2x2 max pooling, stride 2 (odd sides floored). x: (B, C, H, W) -> (B, C, H/2, W/2)."""

    def forward(self, x):
        B, C, H, W = x.shape
        self.shape = x.shape
        ho, wo = H // 2, W // 2
        win = x[:, :, :2 * ho, :2 * wo].reshape(B, C, ho, 2, wo, 2).transpose(0, 1, 2, 4, 3, 5)
        win = win.reshape(B, C, ho, wo, 4)
        self.arg = win.argmax(axis=4)                                    # the first maximum
        return np.take_along_axis(win, self.arg[..., None], axis=4)[..., 0]

    def backward(self, dout):
        B, C, H, W = self.shape
        ho, wo = H // 2, W // 2
        win = np.zeros((B, C, ho, wo, 4))
        np.put_along_axis(win, self.arg[..., None], dout[..., None], axis=4)
        dx = np.zeros(self.shape)
        dx[:, :, :2 * ho, :2 * wo] = win.reshape(B, C, ho, wo, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(B, C, 2 * ho, 2 * wo)
        return dx


class Net:
    def __init__(self, rng, f1=8, f2=16, hidden=64):
        self.f2 = f2
        self.c1, self.p1 = Conv(1, f1, 5, rng), Pool()
        self.c2, self.p2 = Conv(f1, f2, 5, rng), Pool()
        self.W3 = rng.standard_normal((16 * f2, hidden)) * np.sqrt(2.0 / (16 * f2))
        self.b3 = np.zeros(hidden)
        self.W4 = rng.standard_normal((hidden, 10)) * np.sqrt(2.0 / hidden)
        self.b4 = np.zeros(10)

    def params(self):
        return [self.c1.W, self.c1.b, self.c2.W, self.c2.b, self.W3, self.b3, self.W4, self.b4]

    def forward(self, x):
        self.z1 = self.c1.forward(x)
        a1 = self.p1.forward(lrelu(self.z1))
        self.z2 = self.c2.forward(a1)
        self.a2 = self.p2.forward(lrelu(self.z2)).reshape(len(x), -1)   # channel-major, as the shell
        self.z3 = self.a2 @ self.W3 + self.b3
        self.a3 = lrelu(self.z3)
        return self.a3 @ self.W4 + self.b4

    def backward(self, logits, y):
        """Mean cross-entropy of softmax(logits) against y: returns the loss and every gradient."""
        B = len(y)
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(B), y]).mean()
        d = p
        d[np.arange(B), y] -= 1
        d /= B
        dW4, db4 = self.a3.T @ d, d.sum(axis=0)
        d = (d @ self.W4.T) * lrelu_slope(self.z3)
        dW3, db3 = self.a2.T @ d, d.sum(axis=0)
        d = (d @ self.W3.T).reshape(B, self.f2, 4, 4)
        d = self.c2.backward(self.p2.backward(d) * lrelu_slope(self.z2))
        self.c1.backward(self.p1.backward(d) * lrelu_slope(self.z1))
        return loss, [self.c1.dW, self.c1.db, self.c2.dW, self.c2.db, dW3, db3, dW4, db4]


def accuracy(net, x, y, chunk=500):
    right = 0
    for s in range(0, len(y), chunk):
        right += int((net.forward(x[s:s + chunk]).argmax(axis=1) == y[s:s + chunk]).sum())
    return right / len(y)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data', nargs='*', help='IDX images and labels (default: the embedded sample in data/)')
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--test', type=int, default=1000)
    ap.add_argument('--split', choices=['shell', 'first'], default='shell')
    ap.add_argument('--seed', type=int, default=2, help='the split (as the shell) and the weights and batches')
    ap.add_argument('--filters', default='8,16', help='the two convolutions\' filters (default 8,16)')
    ap.add_argument('--hidden', type=int, default=64, help='the dense hidden layer (default 64)')
    a = ap.parse_args()
    f1, f2 = (int(v) for v in a.filters.split(','))
    paths = a.data or [os.path.join(DATA, 'mnist-10k-images-idx3-ubyte.gz'),
                       os.path.join(DATA, 'mnist-10k-labels-idx1-ubyte.gz')]
    if len(paths) != 2:
        raise SystemExit('expected two files, IDX images and labels; found %d' % len(paths))
    raw, y = read_idx(*paths)
    x = raw / 255.0
    if a.split == 'shell':
        train, test = shell_split(len(y), a.test, a.seed)
    else:
        train, test = np.arange(a.test, len(y)), np.arange(a.test)
    rng = np.random.default_rng(a.seed)
    net = Net(rng, f1, f2, a.hidden)
    params = net.params()
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    times = []
    print('conv%dk5-pool2-conv%dk5-pool2-%d-10, float64, %d train / %d test, batch %d, Adam lr %g'
          % (f1, f2, a.hidden, len(train), len(test), a.batch, a.lr), flush=True)
    for epoch in range(1, a.epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(train)
        total = 0.0
        for s in range(0, len(order), a.batch):
            idx = order[s:s + a.batch]
            loss, grads = net.backward(net.forward(x[idx]), y[idx])
            total += loss * len(idx)
            t += 1
            c1, c2 = 1 - b1 ** t, 1 - b2 ** t
            for p, g, m, v in zip(params, grads, m1, m2):
                m *= b1
                m += (1 - b1) * g
                v *= b2
                v += (1 - b2) * g * g
                p -= a.lr * (m / c1) / (np.sqrt(v / c2) + eps)
        times.append(time.perf_counter() - start)
        print('epoch %d: loss %.4f, test %.2f%%, %.2f s' % (epoch, total / len(order), 100 * accuracy(net, x[test], y[test]),
                                                        times[-1]), flush=True)
    print('seconds/epoch: median %.3f over %d epochs' % (float(np.median(times)), len(times)))
    print('test accuracy: %.2f%% (%d images)' % (100 * accuracy(net, x[test], y[test]), len(test)))


if __name__ == '__main__':
    main()
