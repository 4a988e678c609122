# SPDX-License-Identifier: GPL-2.0-or-later
# Run by tests/world/run.sh under guise (Debian arm64 python3.11) and
# natively; the outputs must match.  Threads, re/struct/hashlib,
# subprocess pipelines, a loopback socket server with selectors (epoll),
# SCM_RIGHTS through socket.send_fds, fork.
import hashlib, os, re, selectors, socket, struct, subprocess, sys, threading
# threads
total = []
lock = threading.Lock()
def work(n):
    s = sum(i * i for i in range(n))
    with lock:
        total.append(s)
ts = [threading.Thread(target=work, args=(1000 * (k + 1),)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("threads", sorted(total)[:3], len(total))
# re, struct, hashlib
print(re.findall(r"(\w)(\d+)", "a1 b22 c333"), struct.pack("<IHd", 1, 2, 3.5).hex())
print(hashlib.sha256(b"guise" * 1000).hexdigest(), hashlib.md5(b"x").hexdigest())
# subprocess: a pipeline of programs of the same system
p = subprocess.run(["sh", "-c", "seq 1 100 | grep 7 | wc -l"], capture_output=True, text=True)
print("subprocess", p.returncode, p.stdout.strip())
p = subprocess.run(["sort", "-r"], input="b\na\nc\n", capture_output=True, text=True)
print("sort", p.stdout.split())
print("exit status", subprocess.call(["sh", "-c", "exit 9"]))
# a socket server and client on loopback, with selectors (epoll)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen()
port = srv.getsockname()[1]
def serve():
    sel = selectors.DefaultSelector()
    sel.register(srv, selectors.EVENT_READ)
    conns = 0
    while conns < 3:
        for key, ev in sel.select(timeout=10):
            if key.fileobj is srv:
                c, _ = srv.accept(); sel.register(c, selectors.EVENT_READ)
            else:
                data = key.fileobj.recv(1024)
                if data:
                    key.fileobj.sendall(data.upper())
                else:
                    sel.unregister(key.fileobj); key.fileobj.close(); conns += 1
th = threading.Thread(target=serve); th.start()
for word in ["alpha", "beta", "gamma"]:
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(word.encode()); print("echo", c.recv(1024).decode()); c.close()
th.join(); srv.close()
a, b = socket.socketpair()
r, w = os.pipe()
socket.send_fds(a, [b"fd"], [w])
msg, fds, flags, addr = socket.recv_fds(b, 1024, 1)
os.write(fds[0], b"via SCM_RIGHTS"); print(msg, os.read(r, 100))
# fork
pid = os.fork()
if pid == 0:
    os._exit(5)
print("fork", os.waitpid(pid, 0)[1] >> 8)
