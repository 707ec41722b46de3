"""Chat channels: each folder translates one platform to the platform-free conversation."""
