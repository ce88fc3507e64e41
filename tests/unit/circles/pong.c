/* The other half of the fixture's circle. */
int circle_ping(int n);
int circle_pong(int n);

int circle_pong(int n)
{
	return n > 0 ? circle_ping(n - 1) : 1;
}
