/* Half of a circle on purpose: no_circles.py must find ping <-> pong in this fixture. */
int circle_ping(int n);
int circle_pong(int n);

int circle_ping(int n)
{
	return n > 0 ? circle_pong(n - 1) : 0;
}
